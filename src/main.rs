// Indexing allocates many small strings from several threads; mimalloc is markedly faster
// than the system allocator for that pattern (measured on the benchmark corpus, see
// BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(isnad::cli::main());
}
