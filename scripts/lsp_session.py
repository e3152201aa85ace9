"""The server started on a whole archive as an editor does, for the scripts that measure it
through the protocol (`quote_relink.py`, `request_latency.py`): ../shared/eval/lsp_eval.py's
client, which works on a copy of the corpus, waits until indexing and the background look-ups
are done, then `warm` seconds more."""
import argparse, importlib.util, os, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def add_arguments(ap):
    """The options every such script takes: --corpus, --bin, --eval, --warm."""
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/isnad"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "../shared/eval/lsp_eval.py"))
    ap.add_argument("--warm", type=float, default=8.0, help="seconds to wait after indexing settles")


def start(a):
    """The running session (lsp_eval's `Eval`, nothing opened yet) and the seconds indexing took
    to settle."""
    spec = importlib.util.spec_from_file_location("lsp_eval", a.eval)
    le = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(le)
    args = argparse.Namespace(server=a.bin + " lsp", corpus=os.path.abspath(a.corpus), truth=None, encoding="utf-16",
                              settings=None, open="0", quiet=3.0, index_timeout=600)
    ev = le.Eval(args)
    ev.start()
    settle = ev.report["settle_s"]
    time.sleep(a.warm)
    return ev, settle
