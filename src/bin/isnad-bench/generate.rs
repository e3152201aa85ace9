//! Deterministic generator of a large synthetic corpus of Arabic news articles.
//!
//! The benchmarks need a corpus with the *scale* and the *statistical shape* of a real
//! news archive (tens of thousands of files, ~100 MB, hundreds of thousands of word types)
//! without shipping one. Real articles (see `corpus/seeds`) are not reproducible at that
//! size, so this module fabricates text that stresses the same code paths:
//!
//! * **Vocabulary.** A lexicon of pseudo-Arabic word types (default 220,000) built from
//!   triliteral roots poured into real morphological patterns (فاعل، مفعول، تفعيل، استفعال …)
//!   with suffixes (ة، ات، ون، ين، ية، ها …), the article ال and the proclitics و/ب/ل,
//!   2–9 letters long, the first two radicals from different places of articulation.
//!   Shorter words tend to get higher ranks. ~170 real function words (في، من، على، وقال …)
//!   are interleaved into the top ranks, and running words are drawn from one
//!   Zipf–Mandelbrot law over all types (exponent 1.05, offset 2.7): as in real news text
//!   في is ~3% of tokens, function words ~28%, the top 1,000 types ~55%, and most types
//!   are rare. Every type is guaranteed to occur at least once (the rarest ones are
//!   threaded round-robin through the articles, like the hapaxes of a real archive), as
//!   long as `vocabulary / articles <= 16`.
//! * **Names.** Entities (default 22,000): persons (first name + surname from
//!   foreign-sounding syllables with endings such as يان، وف، سكي، شفيلي، أوغلو), places
//!   (endings ستان، غراد، بول …; a few two-token ones like قره باغ) and organisations
//!   (منظمة/وكالة/شركة … + a name). About 30% get 1–3 variant spellings of the kind seen in
//!   the seeds: a vowel letter dropped or inserted (باشينيان→باشنيان), ك/غ/ق/خ swapped, the
//!   hamza of an initial أ/إ dropped, final ي↔و, two adjacent letters transposed, and for
//!   a few two-token places a one-token spelling (قره باغ ↔ كاراباخ). Each outlet has a
//!   house preference per entity (hashed), articles mostly stick to one spelling and
//!   occasionally mix, so variants are a minority of mentions (about a quarter for an
//!   entity that has them). Name popularity is Zipf (exponent 1.0): the top names occur in thousands
//!   of articles, most in a handful; every entity occurs at least once while
//!   `names <= 4 * articles`.
//! * **Mentions** are written the way news writes them: persons after a title
//!   (الرئيس، رئيس الوزراء، المتحدث باسم وزارة الخارجية …) often with a nisba adjective
//!   (الرئيس الروسي فلاديمير …), later by surname alone; places after مدينة/منطقة/إقليم,
//!   after a preposition or bare; proclitics و، ب، ل، لل attached to names and titles.
//! * **Quotes.** A pool of shared quotes (one per 10 articles, so ~3,000 by default) of
//!   8–30 words, each reprinted in 2–20 articles after a verb of saying
//!   (وقال X: «…»، وأضاف …) inside «…» or "…", the copies sometimes with one word changed
//!   or dropped, truncated, or with hamzas dropped. Articles also carry one-off quotes.
//! * **Files.** `NNN/article_NNNNN.txt` over 100 folders (article i in folder i % 100),
//!   2.4–5.1 KB each by default (`target_bytes / articles` ± 29%), about a third with a
//!   front-matter block (`title`, `date` in 2019–2024, `outlet`), the others with a
//!   headline line; paragraphs separated by blank lines.
//!   `manifest.json` records the options and the report; `entities.tsv` is the ground
//!   truth (kind, canonical spelling, variant spellings) for recall measurements. Neither
//!   matches the default `*.txt`/`*.md` include globs.
//!
//! Determinism: all global tables come from PRNG streams derived from the seed, and each
//! article from its own stream (seed, index), so the articles are generated in parallel
//! with rayon and the output is byte-identical for the same options (Zipf tables use
//! `f64::powf`, so identical across runs of a build; a different libm could in principle
//! move a sample across a bucket boundary). Existing files in `out_dir` are overwritten but
//! never deleted: generate into an empty directory.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenOptions {
    /// Number of article files.
    pub articles: usize,
    /// PRNG seed; the same options give byte-identical output.
    pub seed: u64,
    /// Approximate total size of the article files in bytes.
    pub target_bytes: u64,
    /// Number of pseudo-Arabic lexicon word types (function words come on top).
    pub vocabulary: usize,
    /// Number of named entities (persons, places, organisations).
    pub names: usize,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions { articles: 30_000, seed: 1, target_bytes: 110_000_000, vocabulary: 220_000, names: 22_000 }
    }
}

/// What was generated (counts of things that actually occur in the written articles).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GenReport {
    /// Article files written.
    pub articles: usize,
    /// Total bytes of the article files (manifest and ground truth excluded).
    pub bytes: u64,
    /// Distinct lexicon and function word types that occur.
    pub word_types: usize,
    /// Distinct entities mentioned at least once.
    pub names: usize,
    /// Distinct variant spellings (non-canonical) that occur at least once.
    pub variant_spellings: usize,
    /// Quotes that occur in at least two articles.
    pub shared_quotes: usize,
}

/// Generate the corpus into `out_dir` (created if needed) and write `manifest.json` and
/// `entities.tsv` next to the article folders.
pub fn generate(out_dir: &Path, opts: &GenOptions) -> io::Result<GenReport> {
    std::fs::create_dir_all(out_dir)?;
    let world = World::build(opts);
    let n = opts.articles;
    for f in 0..FOLDERS.min(n) {
        std::fs::create_dir_all(out_dir.join(format!("{f:03}")))?;
    }
    let stats = (0..n)
        .into_par_iter()
        .try_fold(
            || Stats::new(&world),
            |mut st, i| {
                let text = Article::render(&world, i, &mut st);
                let path = out_dir.join(format!("{:03}", i % FOLDERS)).join(format!("article_{i:05}.txt"));
                std::fs::write(path, text.as_bytes())?;
                st.bytes += text.len() as u64;
                Ok::<Stats, io::Error>(st)
            },
        )
        .try_reduce(|| Stats::new(&world), |a, b| Ok(a.merge(b)))?;

    let report = GenReport {
        articles: n,
        bytes: stats.bytes,
        word_types: count_bits(&stats.words),
        names: count_bits(&stats.entities),
        variant_spellings: count_bits(&stats.variants),
        shared_quotes: world.quote_copies.iter().filter(|&&c| c >= 2).count(),
    };
    std::fs::write(out_dir.join("manifest.json"), manifest_json(opts, &report, &world))?;
    std::fs::write(out_dir.join("entities.tsv"), world.entities_tsv())?;
    Ok(report)
}

const FOLDERS: usize = 100;
/// Zipf–Mandelbrot law of running words: P(rank k) ∝ (k + 1 + WORD_OFFSET)^-WORD_EXPONENT.
const WORD_EXPONENT: f64 = 1.05;
const WORD_OFFSET: f64 = 2.7;
/// Function word i takes about rank i * FUNCTION_SPACING among all words.
const FUNCTION_SPACING: f64 = 1.5;
const NAME_EXPONENT: f64 = 1.0;

// ---------------------------------------------------------------------------------------
// PRNG: splitmix64 to seed, xoshiro256** to generate.

fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A hash of a few words, for stable per-(outlet, entity) choices.
fn mix(a: u64, b: u64, c: u64) -> u64 {
    let mut x = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let h = splitmix64(&mut x) ^ c.wrapping_mul(0xD1B5_4A32_D192_ED03);
    let mut y = h;
    splitmix64(&mut y)
}

#[derive(Clone)]
struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// An independent stream for (seed, stream).
    fn new(seed: u64, stream: u64) -> Rng {
        let mut x = mix(seed, stream, 0x5EED);
        Rng { s: [splitmix64(&mut x), splitmix64(&mut x), splitmix64(&mut x), splitmix64(&mut x)] }
    }

    fn next_u64(&mut self) -> u64 {
        let r = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        r
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// Index drawn with the given integer weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

/// Zipf law over ranks `0..n`: P(k) ∝ (k+1)^-s (with an optional Mandelbrot offset).
/// Sampling inverts the CDF: a guide table narrows the binary search to a few entries.
struct Zipf {
    cdf: Vec<f64>,
    guide: Vec<u32>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        Zipf::mandelbrot(n, s, 0.0)
    }

    fn mandelbrot(n: usize, s: f64, q: f64) -> Zipf {
        let n = n.max(1);
        let mut acc = 0.0;
        let mut cdf: Vec<f64> = (1..=n)
            .map(|k| {
                acc += (k as f64 + q).powf(-s);
                acc
            })
            .collect();
        for c in &mut cdf {
            *c /= acc;
        }
        cdf[n - 1] = 1.0;
        // guide[b]: first rank whose CDF exceeds b / G.
        let g = n.next_power_of_two().clamp(16, 1 << 16);
        let guide = (0..g).map(|b| cdf.partition_point(|&c| c <= b as f64 / g as f64) as u32).collect();
        Zipf { cdf, guide }
    }

    /// The first rank whose CDF exceeds a uniform `u` in [0, 1).
    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.f64();
        let n = self.cdf.len();
        let g = self.guide.len();
        let b = ((u * g as f64) as usize).min(g - 1);
        let lo = self.guide[b] as usize;
        let hi = if b + 1 < g { (self.guide[b + 1] as usize).min(n - 1) } else { n - 1 };
        (lo + self.cdf[lo..=hi].partition_point(|&c| c <= u)).min(n - 1)
    }
}

// ---------------------------------------------------------------------------------------
// Fixed word lists.

/// Real function words, roughly by decreasing frequency in news text.
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "أن",
    "التي",
    "الذي",
    "عن",
    "مع",
    "كما",
    "وقال",
    "هذا",
    "إن",
    "بين",
    "بعد",
    "هذه",
    "أو",
    "كان",
    "قد",
    "ما",
    "لا",
    "لم",
    "خلال",
    "وفي",
    "ذلك",
    "كل",
    "منذ",
    "حيث",
    "وأن",
    "ومن",
    "عام",
    "وعلى",
    "الذين",
    "إلا",
    "فيه",
    "أنه",
    "حول",
    "عند",
    "قبل",
    "ضد",
    "حتى",
    "لكن",
    "أي",
    "وهو",
    "وهي",
    "هو",
    "هي",
    "غير",
    "أكثر",
    "أيضا",
    "ثم",
    "بعض",
    "لن",
    "وقد",
    "عبر",
    "تلك",
    "نحو",
    "لدى",
    "إذا",
    "وكان",
    "كانت",
    "وكانت",
    "فيما",
    "بينما",
    "بأن",
    "لأن",
    "عندما",
    "اليوم",
    "أمس",
    "يوم",
    "العام",
    "وقالت",
    "وأضاف",
    "وأكد",
    "وأشار",
    "وأوضح",
    "وتابع",
    "وذكرت",
    "ليس",
    "ولا",
    "ولم",
    "فإن",
    "وإن",
    "إنه",
    "أنها",
    "إنها",
    "بها",
    "به",
    "لها",
    "له",
    "عليه",
    "عليها",
    "فيها",
    "منه",
    "منها",
    "إليه",
    "هناك",
    "هنا",
    "جدا",
    "حاليا",
    "مجددا",
    "أمام",
    "فوق",
    "تحت",
    "داخل",
    "خارج",
    "مثل",
    "دون",
    "رغم",
    "بسبب",
    "وفقا",
    "إضافة",
    "كذلك",
    "فقط",
    "الآن",
    "سوف",
    "يمكن",
    "وذلك",
    "لذلك",
    "بهذا",
    "هؤلاء",
    "بل",
    "إذ",
    "لقد",
    "وهذا",
    "وهذه",
    "ولكن",
    "بشأن",
    "إزاء",
    "تجاه",
    "قرب",
    "بعدما",
    "قبيل",
    "عقب",
    "إثر",
    "حين",
    "حينما",
    "كيف",
    "لماذا",
    "متى",
    "أين",
    "هل",
    "وبين",
    "وعن",
    "ومع",
    "وإلى",
    "الأخرى",
    "الأخير",
    "الأولى",
    "وفيما",
    "أكد",
    "قال",
    "قالت",
    "أعلن",
    "أعلنت",
    "يكون",
    "تكون",
    "وليس",
    "سواء",
    "نفسه",
    "نفسها",
    "جميع",
    "عدة",
    "عدد",
    "بما",
    "مما",
    "عما",
    "لما",
    "كلما",
    "بحسب",
    "وبحسب",
    "أمس",
    "الجمعة",
    "السبت",
];

/// Consonants for roots, repeated roughly by frequency.
const ROOT_LETTERS: &[char] = &[
    'ل', 'ل', 'ل', 'م', 'م', 'م', 'ن', 'ن', 'ر', 'ر', 'ر', 'ب', 'ب', 'ت', 'ت', 'ع', 'ع', 'س', 'س', 'ك', 'ك', 'ق', 'ق',
    'د', 'د', 'ح', 'ح', 'ج', 'ف', 'ف', 'ه', 'ش', 'ص', 'ط', 'خ', 'غ', 'ز', 'ذ', 'ث', 'ض', 'ظ', 'و', 'ي',
];

/// Place of articulation, for the root constraint that the first two radicals differ in it
/// (no *غعء or *سصز roots), which makes the pseudo-words pronounceable.
fn articulation(c: char) -> u8 {
    match c {
        'ء' | 'ه' | 'ع' | 'ح' | 'غ' | 'خ' => 1,
        'ت' | 'د' | 'ط' | 'ض' | 'ث' | 'ذ' | 'ظ' | 'س' | 'ز' | 'ص' | 'ش' => 2,
        'ب' | 'ف' | 'م' => 3,
        'ك' | 'ق' | 'ج' => 4,
        'ل' | 'ر' | 'ن' => 5,
        _ => 6,
    }
}

/// Morphological patterns; 1, 2, 3 stand for the root consonants.
const PATTERNS: &[(&str, u32)] = &[
    ("123", 14),
    ("1ا23", 10),
    ("م12و3", 7),
    ("ت12ي3", 6),
    ("ا1ت2ا3", 5),
    ("است12ا3", 3),
    ("12ا3", 8),
    ("م123", 6),
    ("12ي3", 7),
    ("12و3", 4),
    ("ي123", 6),
    ("ت123", 5),
    ("ان12ا3", 2),
    ("م12ا3", 3),
    ("1ا2و3", 2),
    ("م1ت23", 4),
    ("مست123", 3),
    ("ت1ا23", 3),
    ("أ123", 5),
    ("إ12ا3", 3),
    ("ي1ت23", 3),
    ("ت1ا2ي3", 2),
    ("م1ا23", 3),
    ("12", 2),
    ("1ا2", 2),
    ("أ12ا3", 2),
    ("ن123", 2),
    ("ي1ا23", 2),
    ("م1ت2ا3", 1),
];

const SUFFIXES: &[(&str, u32)] = &[
    ("", 44),
    ("ة", 16),
    ("ات", 8),
    ("ون", 4),
    ("ين", 6),
    ("ي", 6),
    ("ية", 7),
    ("ها", 3),
    ("هم", 2),
    ("ان", 2),
    ("تين", 1),
    ("يات", 1),
];

/// Titles before a person's name, with the agreement of a following nisba adjective:
/// 0 none, 1 masculine (الرئيس الروسي), 2 feminine (باسم وزارة الخارجية الروسية).
const TITLES: &[(&str, u8)] = &[
    ("الرئيس", 1),
    ("رئيس الوزراء", 1),
    ("وزير الخارجية", 1),
    ("وزير الدفاع", 1),
    ("وزير الاقتصاد", 1),
    ("المتحدث باسم وزارة الخارجية", 2),
    ("المتحدث باسم الحكومة", 2),
    ("المتحدثة باسم وزارة الخارجية", 2),
    ("المتحدث باسم الكرملين", 0),
    ("زعيم المعارضة", 2),
    ("السفير", 1),
    ("المبعوث الخاص", 0),
    ("مستشار الأمن القومي", 1),
    ("نائب الرئيس", 1),
    ("رئيس البرلمان", 1),
    ("المحلل السياسي", 0),
    ("الخبير العسكري", 0),
    ("قائد الجيش", 1),
    ("رئيس الأركان", 0),
    ("مساعد وزير الخارجية", 1),
    ("النائب في البرلمان", 1),
    ("الناشط الحقوقي", 0),
    ("الصحفي", 0),
    ("رئيس بلدية", 0),
    ("الأمين العام", 0),
    ("وزير الداخلية", 1),
    ("وزيرة الخارجية", 0),
    ("المدعي العام", 1),
    ("رئيس الحكومة", 1),
    ("المعارض", 1),
];

/// Masculine nisba adjectives (feminine: + ة).
const NISBAS: &[&str] = &[
    "الروسي",
    "الأرميني",
    "الأذربيجاني",
    "التركي",
    "الإيراني",
    "الفرنسي",
    "الأمريكي",
    "الجورجي",
    "الأوكراني",
    "الألماني",
    "البريطاني",
    "الصيني",
    "الهندي",
    "الكازاخي",
    "الأوزبكي",
    "الإسرائيلي",
    "المصري",
    "السوري",
    "العراقي",
    "اللبناني",
    "الإيطالي",
    "الإسباني",
    "الياباني",
    "الكوري",
    "البولندي",
    "المجري",
    "الصربي",
    "اليوناني",
    "القبرصي",
    "الباكستاني",
    "الأفغاني",
    "الطاجيكي",
    "القرغيزي",
    "البيلاروسي",
    "المولدوفي",
    "الروماني",
    "البلغاري",
    "الفنزويلي",
    "البرازيلي",
    "المكسيكي",
];

const PLACE_CUES: &[&str] = &["مدينة", "منطقة", "إقليم", "جمهورية", "العاصمة", "بلدة", "ولاية"];

const ORG_WORDS: &[&str] = &[
    "منظمة",
    "وكالة",
    "شركة",
    "مجموعة",
    "حركة",
    "جمعية",
    "مؤسسة",
    "بنك",
    "هيئة",
    "اتحاد",
    "مركز",
    "صندوق",
    "حزب",
    "معهد",
];

const OUTLETS: &[&str] = &[
    "وكالة الأنباء الفرنسية",
    "رويترز",
    "أسوشيتد برس",
    "الجزيرة نت",
    "العربية نت",
    "سكاي نيوز عربية",
    "روسيا اليوم",
    "بي بي سي عربي",
    "فرانس 24",
    "الشرق الأوسط",
    "العربي الجديد",
    "الميادين",
    "القدس العربي",
    "النهار",
    "الأهرام",
    "الوطن",
    "الحياة",
    "إندبندنت عربية",
    "الخليج",
    "البيان",
    "الرأي",
    "الغد",
    "الأخبار",
    "الشروق",
    "اليوم السابع",
    "المصري اليوم",
    "عكاظ",
    "الرياض",
    "الاتحاد",
    "الدستور",
    "الصباح",
    "الأيام",
    "الوسط",
    "العرب",
    "الثورة",
    "تشرين",
    "المدى",
    "الزمان",
    "الأنباء",
    "سبوتنيك عربي",
];

const MONTHS: &[&str] =
    &["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

const PERSON_VERBS: &[&str] = &[
    "وقال",
    "وأكد",
    "وأعلن",
    "وأشار",
    "وأوضح",
    "وشدد",
    "وكشف",
    "واعتبر",
    "ورأى",
    "وحذر",
    "ودعا",
    "واتهم",
    "والتقى",
    "وبحث",
    "وصرح",
    "وطالب",
    "ونفى",
];
const ORG_VERBS: &[&str] = &["وأعلنت", "وذكرت", "وقالت", "وأكدت", "وأفادت", "وحذرت", "ونشرت", "وطالبت", "ونفت"];
const PREPOSITIONS: &[&str] = &["في", "إلى", "من", "داخل", "قرب", "عن"];
const PERSON_PREPS: &[&str] = &["مع", "عن", "بحسب", "حسب", "وفق", "برئاسة", "بقيادة"];

// Foreign-sounding syllables for names.
const ONSETS: &[&str] = &[
    "ب", "ت", "د", "ر", "ز", "س", "ش", "ف", "ك", "ل", "م", "ن", "ه", "غ", "ق", "خ", "ج", "ف", "ت", "ب", "ك", "ل", "م",
    "ن", "ر", "د", "ست", "بر", "تر", "كر", "غر", "سك", "شت", "فل", "بل", "در", "تش", "ي", "ف", "ز", "ك",
];
const NUCLEI: &[&str] = &["ا", "و", "ي", "ا", "ي", "", ""];
const INITIAL_HAMZA: &[&str] = &["أ", "أ", "إ", "أو", "أي", "آ", "أر", "إس"];
const SURNAME_ENDINGS: &[&str] = &[
    "يان",
    "يان",
    "يان",
    "وف",
    "وف",
    "يف",
    "ييف",
    "سكي",
    "سكي",
    "فيتش",
    "شفيلي",
    "ينكو",
    "أوغلو",
    "ين",
    "اني",
    "يدزه",
    "وس",
    "ار",
    "يتش",
    "وفسكي",
    "و",
    "ي",
];
const FIRST_ENDINGS: &[&str] = &["", "", "ير", "ول", "ان", "يا", "ا", "ي", "و", "يل", "ور", "ين", "يس", "ات"];
const PLACE_ENDINGS: &[&str] =
    &["ستان", "غراد", "بول", "يا", "يا", "ان", "اباد", "فيل", "بورغ", "ينو", "يك", "وم", "يري", "سك", "و", "", "ي"];
const ORG_ENDINGS: &[&str] = &["ار", "ون", "كو", "تيك", "نت", "كس", "يا", "ام", "يل", "", "", "وم", "ي"];

fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي')
}

fn is_hamza_alef(c: char) -> bool {
    matches!(c, 'أ' | 'إ' | 'آ')
}

fn drop_hamzas(s: &str) -> String {
    s.chars().map(|c| if is_hamza_alef(c) { 'ا' } else { c }).collect()
}

/// Attach a proclitic, writing ل + ال as لل.
fn attach(clitic: &str, word: &str) -> String {
    if clitic.ends_with('ل')
        && let Some(rest) = word.strip_prefix("ال")
    {
        return format!("{clitic}ل{rest}");
    }
    format!("{clitic}{word}")
}

/// Remove doubled vowel letters that syllable concatenation produces.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut run = 0;
    for c in s.chars() {
        if Some(c) == prev {
            run += 1;
        } else {
            run = 1;
        }
        let skip = (c == 'ا' && run >= 2) || (is_vowel_letter(c) && run >= 3);
        if !skip {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

// ---------------------------------------------------------------------------------------
// The world: lexicon, entities, quotes and their placements.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Person,
    Place,
    Org,
}

struct Entity {
    kind: Kind,
    /// `[0]` canonical, then variants. Tokens separated; the last token is distinctive.
    spellings: Vec<Vec<String>>,
    /// Person: index in TITLES; place: index in PLACE_CUES.
    role: u8,
    nisba: u8,
}

#[derive(Clone, Copy, Debug)]
enum CopyKind {
    Verbatim,
    OneWordEdit,
    Truncated,
    HamzaDropped,
}

struct Quote {
    speaker: u32,
    words: Vec<u32>,
}

/// Word types stored back to back.
#[derive(Default)]
struct Words {
    text: String,
    starts: Vec<u32>,
    function: Vec<bool>,
}

impl Words {
    fn len(&self) -> usize {
        self.function.len()
    }

    fn push(&mut self, w: &str, function: bool) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.text.push_str(w);
        self.starts.push(self.text.len() as u32);
        self.function.push(function);
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

struct World {
    /// All word types (lexicon and function words), by frequency rank; a word's id is its rank.
    words: Words,
    lexicon_len: usize,
    func_len: usize,
    word_zipf: Zipf,
    name_zipf: Zipf,
    person_zipf: Zipf,
    outlet_zipf: Zipf,
    entities: Vec<Entity>,
    /// Global id of the first variant of each entity (for the usage bitset).
    var_base: Vec<u32>,
    n_variants: usize,
    persons: Vec<u32>,
    quotes: Vec<Quote>,
    /// Per article: shared quotes to print there.
    placements: Vec<Vec<(u32, CopyKind)>>,
    quote_copies: Vec<u32>,
    seed: u64,
    articles: usize,
    mean_bytes: f64,
}

impl World {
    fn build(opts: &GenOptions) -> World {
        let seed = opts.seed;
        let mut func: Vec<&'static str> = Vec::new();
        {
            let mut seen = FxHashSet::default();
            for &w in FUNCTION_WORDS {
                if seen.insert(w) {
                    func.push(w);
                }
            }
        }
        let mut taken: FxHashSet<String> = func.iter().map(|s| s.to_string()).collect();
        let lexicon = build_lexicon(&mut Rng::new(seed, 1), opts.vocabulary.max(50), &mut taken);
        let entities = build_entities(&mut Rng::new(seed, 2), opts.names.max(10), &mut taken);
        drop(taken);
        let mut var_base = Vec::with_capacity(entities.len());
        let mut acc = 0u32;
        for e in &entities {
            var_base.push(acc);
            acc += (e.spellings.len() - 1) as u32;
        }
        let persons: Vec<u32> =
            entities.iter().enumerate().filter(|(_, e)| e.kind == Kind::Person).map(|(i, _)| i as u32).collect();
        // Interleave the function words into the top ranks of the lexicon, and store all
        // words contiguously in rank order (frequent words share cache lines).
        let mut words = Words::default();
        let (mut li, mut fi) = (0usize, 0usize);
        while li < lexicon.len() || fi < func.len() {
            let rank = words.len();
            let func_next = fi < func.len() && (li >= lexicon.len() || (fi as f64 * FUNCTION_SPACING) as usize <= rank);
            if func_next {
                words.push(func[fi], true);
                fi += 1;
            } else {
                words.push(&lexicon[li], false);
                li += 1;
            }
        }
        let mut w = World {
            word_zipf: Zipf::mandelbrot(words.len(), WORD_EXPONENT, WORD_OFFSET),
            lexicon_len: lexicon.len(),
            func_len: func.len(),
            words,
            name_zipf: Zipf::new(entities.len(), NAME_EXPONENT),
            person_zipf: Zipf::new(persons.len(), NAME_EXPONENT),
            outlet_zipf: Zipf::new(OUTLETS.len(), 0.8),
            entities,
            var_base,
            n_variants: acc as usize,
            persons,
            quotes: Vec::new(),
            placements: (0..opts.articles).map(|_| Vec::new()).collect(),
            quote_copies: Vec::new(),
            seed,
            articles: opts.articles,
            mean_bytes: if opts.articles == 0 { 0.0 } else { opts.target_bytes as f64 / opts.articles as f64 },
        };
        w.build_quotes(&mut Rng::new(seed, 3));
        w
    }

    fn word_count(&self) -> usize {
        self.words.len()
    }

    fn text(&self, id: u32) -> &str {
        self.words.get(id as usize)
    }

    fn sample_word(&self, rng: &mut Rng) -> u32 {
        self.word_zipf.sample(rng) as u32
    }

    /// A content (lexicon) word.
    fn sample_content_word(&self, rng: &mut Rng) -> u32 {
        loop {
            let id = self.sample_word(rng);
            if !self.words.function[id as usize] {
                return id;
            }
        }
    }

    fn build_quotes(&mut self, rng: &mut Rng) {
        let n = self.articles;
        if n < 2 || self.persons.is_empty() {
            return;
        }
        let pool = (n / 10).max(1);
        // P(k copies) ∝ (k-1)^-1.2 for k in 2..=20.
        let copy_weights: Vec<u32> = (2..=20u32).map(|k| (10_000.0 * ((k - 1) as f64).powf(-1.2)) as u32).collect();
        for q in 0..pool {
            let speaker = self.persons[self.person_zipf.sample(rng)];
            let len = rng.range(8, 30);
            let words = (0..len).map(|_| self.sample_word(rng)).collect();
            self.quotes.push(Quote { speaker, words });
            let k = (2 + rng.weighted(&copy_weights)).min(n);
            let mut chosen: Vec<usize> = Vec::with_capacity(k);
            while chosen.len() < k {
                let a = rng.below(n);
                if !chosen.contains(&a) {
                    chosen.push(a);
                }
            }
            for (j, &a) in chosen.iter().enumerate() {
                let kind = if j == 0 {
                    CopyKind::Verbatim
                } else {
                    match rng.weighted(&[50, 18, 17, 15]) {
                        0 => CopyKind::Verbatim,
                        1 => CopyKind::OneWordEdit,
                        2 => CopyKind::Truncated,
                        _ => CopyKind::HamzaDropped,
                    }
                };
                self.placements[a].push((q as u32, kind));
            }
            self.quote_copies.push(k as u32);
        }
    }

    fn entities_tsv(&self) -> String {
        let mut s = String::from("id\tkind\tcanonical\tvariants\n");
        for (i, e) in self.entities.iter().enumerate() {
            let kind = match e.kind {
                Kind::Person => "person",
                Kind::Place => "place",
                Kind::Org => "org",
            };
            let vars: Vec<String> = e.spellings[1..].iter().map(|t| t.join(" ")).collect();
            let _ = writeln!(s, "{i}\t{kind}\t{}\t{}", e.spellings[0].join(" "), vars.join("|"));
        }
        s
    }
}

fn build_lexicon(rng: &mut Rng, n: usize, taken: &mut FxHashSet<String>) -> Vec<String> {
    let pattern_w: Vec<u32> = PATTERNS.iter().map(|p| p.1).collect();
    let suffix_w: Vec<u32> = SUFFIXES.iter().map(|p| p.1).collect();
    let mut words: Vec<String> = Vec::with_capacity(n);
    let mut w = String::new();
    while words.len() < n {
        let root = [rng.pick(ROOT_LETTERS), rng.pick(ROOT_LETTERS), rng.pick(ROOT_LETTERS)];
        let (a, b, c) = (articulation(root[0]), articulation(root[1]), articulation(root[2]));
        if (a == b && a != 6) || (a == c && root[0] != root[2] && a != 6) || root[0] == root[1] {
            continue;
        }
        let (pattern, _) = PATTERNS[rng.weighted(&pattern_w)];
        let (suffix, _) = SUFFIXES[rng.weighted(&suffix_w)];
        let pronoun = suffix.starts_with('ه');
        w.clear();
        let article = !pronoun && rng.chance(0.27);
        let r = rng.f64();
        let clitic = if r < 0.08 {
            "و"
        } else if r < 0.13 {
            "ب"
        } else if r < 0.17 {
            "ل"
        } else if r < 0.19 {
            "وب"
        } else if r < 0.205 {
            "ول"
        } else {
            ""
        };
        w.push_str(clitic);
        if article {
            if clitic.ends_with('ل') {
                w.push('ل');
            } else {
                w.push_str("ال");
            }
        }
        for c in pattern.chars() {
            match c {
                '1' => w.push(root[0]),
                '2' => w.push(root[1]),
                '3' => w.push(root[2]),
                c => w.push(c),
            }
        }
        w.push_str(suffix);
        let len = w.chars().count();
        if !(2..=9).contains(&len) || w.starts_with('ء') {
            continue;
        }
        if taken.insert(w.clone()) {
            words.push(w.clone());
        }
    }
    // Rank: shorter words tend to be more frequent (but two-letter content words are rare).
    let mut keyed: Vec<(f64, String)> =
        words.into_iter().map(|w| (rank_key(w.chars().count()) + rng.f64() * 5.0, w)).collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    keyed.into_iter().map(|(_, w)| w).collect()
}

fn rank_key(len: usize) -> f64 {
    if len == 2 { 7.0 } else { len as f64 }
}

fn foreign_stem(rng: &mut Rng, syllables: usize, hamza_p: f64) -> String {
    let mut s = String::new();
    if rng.chance(hamza_p) {
        s.push_str(rng.pick(INITIAL_HAMZA));
    }
    for _ in 0..syllables {
        s.push_str(rng.pick(ONSETS));
        s.push_str(rng.pick(NUCLEI));
    }
    s
}

/// A fresh token of `min..=max` letters not yet taken (and then taken).
fn fresh_token(
    rng: &mut Rng,
    taken: &mut FxHashSet<String>,
    min: usize,
    max: usize,
    mut make: impl FnMut(&mut Rng, usize) -> String,
) -> String {
    let mut tries = 0usize;
    loop {
        let extra = tries / 200; // allow longer stems when the short ones are used up
        let t = tidy(&make(rng, extra));
        let len = t.chars().count();
        tries += 1;
        if len >= min && len <= max + extra && !taken.contains(&t) {
            taken.insert(t.clone());
            return t;
        }
    }
}

fn build_entities(rng: &mut Rng, n: usize, taken: &mut FxHashSet<String>) -> Vec<Entity> {
    let first_pool_len = (n / 8).clamp(50, 4000);
    let first_names: Vec<String> = (0..first_pool_len)
        .map(|_| {
            fresh_token(rng, taken, 3, 8, |r, x| {
                let syl = r.range(1, 2 + x);
                let mut s = foreign_stem(r, syl, 0.10);
                s.push_str(r.pick(FIRST_ENDINGS));
                s
            })
        })
        .collect();
    let mut entities = Vec::with_capacity(n);
    for rank in 0..n {
        let r = rng.f64();
        let kind = if r < 0.55 {
            Kind::Person
        } else if r < 0.80 {
            Kind::Place
        } else {
            Kind::Org
        };
        let mut compound = false;
        let (canonical, role) = match kind {
            Kind::Person => {
                let first = first_names[rng.below(first_names.len())].clone();
                let last = fresh_token(rng, taken, 4, 11, |r, x| {
                    let syl = r.range(1, 3 + x);
                    let mut s = foreign_stem(r, syl, 0.12);
                    s.push_str(r.pick(SURNAME_ENDINGS));
                    s
                });
                (vec![first, last], rng.below(TITLES.len()) as u8)
            }
            Kind::Place => {
                let cue = rng.weighted(&[40, 25, 15, 6, 4, 6, 4]) as u8;
                if rng.chance(0.03) {
                    // Two short tokens, like قره باغ.
                    compound = true;
                    let a = fresh_token(rng, taken, 2, 4, |r, x| {
                        let mut s = foreign_stem(r, 1 + x, 0.0);
                        s.push_str(r.pick(&["ه", "ا", "و", "", "ر"]));
                        s
                    });
                    let b = fresh_token(rng, taken, 3, 4, |r, x| {
                        let mut s = foreign_stem(r, 1 + x, 0.0);
                        s.push_str(r.pick(&["غ", "خ", "ق", "ك", "ر", "ن"]));
                        s
                    });
                    (vec![a, b], cue)
                } else {
                    let t = fresh_token(rng, taken, 3, 10, |r, x| {
                        let syl = r.range(1, 3 + x);
                        let mut s = foreign_stem(r, syl, 0.15);
                        s.push_str(r.pick(PLACE_ENDINGS));
                        s
                    });
                    (vec![t], cue)
                }
            }
            Kind::Org => {
                let word = rng.pick(ORG_WORDS).to_string();
                let t = fresh_token(rng, taken, 3, 9, |r, x| {
                    let syl = r.range(2, 3 + x);
                    let mut s = foreign_stem(r, syl, 0.10);
                    s.push_str(r.pick(ORG_ENDINGS));
                    s
                });
                (vec![word, t], 0)
            }
        };
        let nisba = rng.below(NISBAS.len()) as u8;
        let mut spellings = vec![canonical];
        if compound && rng.chance(0.6) {
            let joined = join_compound(&spellings[0][0], &spellings[0][1]);
            if taken.insert(joined.clone()) {
                spellings.push(vec![joined]);
            }
        }
        // Popular names get more spellings (more outlets transliterate them); 30% overall.
        if rng.chance(if rank < n / 20 { 0.6 } else { 0.285 }) {
            let want = 1 + rng.weighted(&[60, 30, 10]);
            let mut tries = 0;
            while spellings.len() <= want && tries < 20 {
                tries += 1;
                let base = &spellings[0];
                let key = base.len() - 1;
                if let Some(v) = make_variant(rng, &base[key], spellings.len() == 1)
                    && taken.insert(v.clone())
                {
                    let mut s = base.clone();
                    s[key] = v;
                    spellings.push(s);
                }
            }
        }
        entities.push(Entity { kind, spellings, role, nisba });
    }
    entities
}

/// The one-token spelling of a two-token place: قره باغ → كاراباخ.
fn join_compound(a: &str, b: &str) -> String {
    let swap = |c: char| match c {
        'ق' => 'ك',
        'غ' => 'خ',
        'ه' => 'ا',
        c => c,
    };
    let ac: Vec<char> = a.chars().collect();
    let mut out = String::new();
    for (i, &c) in ac.iter().enumerate() {
        let c = if i == 0 || i == ac.len() - 1 { swap(c) } else { c };
        out.push(c);
        if i == 0 && ac.len() > 1 && !is_vowel_letter(ac[1]) {
            out.push('ا');
        }
    }
    let bc: Vec<char> = b.chars().collect();
    for (i, &c) in bc.iter().enumerate() {
        out.push(if i == bc.len() - 1 { swap(c) } else { c });
    }
    tidy(&out)
}

/// One realistic misspelling of a name token.
fn make_variant(rng: &mut Rng, tok: &str, first: bool) -> Option<String> {
    let mut t: Vec<char> = tok.chars().collect();
    let n = t.len();
    if n < 3 {
        return None;
    }
    const KGQ: [char; 4] = ['ك', 'غ', 'ق', 'خ'];
    let drop: Vec<usize> = (1..n - 1).filter(|&i| is_vowel_letter(t[i]) && n >= 4).collect();
    let insert: Vec<usize> =
        (2..n).filter(|&i| !is_vowel_letter(t[i - 1]) && !is_vowel_letter(t[i]) && !is_hamza_alef(t[i - 1])).collect();
    let swap: Vec<usize> = (0..n).filter(|&i| KGQ.contains(&t[i])).collect();
    let hamza = is_hamza_alef(t[0]);
    let final_yw = matches!(t[n - 1], 'ي' | 'و');
    let weights = [
        if drop.is_empty() { 0 } else { 22 },
        if insert.is_empty() { 0 } else { 22 },
        if swap.is_empty() { 0 } else { 20 },
        if hamza { if first { 80 } else { 10 } } else { 0 },
        if final_yw { 12 } else { 0 },
        if n >= 4 { 8 } else { 0 },
    ];
    if weights.iter().sum::<u32>() == 0 {
        return None;
    }
    match rng.weighted(&weights) {
        0 => {
            t.remove(drop[rng.below(drop.len())]);
        }
        1 => {
            let at = insert[rng.below(insert.len())];
            t.insert(at, rng.pick(&['ي', 'ي', 'ي', 'ا', 'ا', 'و']));
        }
        2 => {
            let at = swap[rng.below(swap.len())];
            let others: Vec<char> = KGQ.iter().copied().filter(|&c| c != t[at]).collect();
            t[at] = rng.pick(&others);
        }
        3 => t[0] = 'ا',
        4 => t[n - 1] = if t[n - 1] == 'ي' { 'و' } else { 'ي' },
        _ => {
            let i = rng.range(1, n - 3);
            if t[i] == t[i + 1] {
                return None;
            }
            t.swap(i, i + 1);
        }
    }
    let v: String = t.into_iter().collect();
    (v != tok).then_some(v)
}

// ---------------------------------------------------------------------------------------
// Per-thread usage statistics.

struct Stats {
    bytes: u64,
    words: Vec<u64>,
    entities: Vec<u64>,
    variants: Vec<u64>,
}

fn bitset(n: usize) -> Vec<u64> {
    vec![0; n.div_ceil(64)]
}

fn set_bit(b: &mut [u64], i: usize) {
    b[i / 64] |= 1 << (i % 64);
}

fn count_bits(b: &[u64]) -> usize {
    b.iter().map(|w| w.count_ones() as usize).sum()
}

impl Stats {
    fn new(w: &World) -> Stats {
        Stats {
            bytes: 0,
            words: bitset(w.word_count()),
            entities: bitset(w.entities.len()),
            variants: bitset(w.n_variants),
        }
    }

    fn merge(mut self, o: Stats) -> Stats {
        self.bytes += o.bytes;
        for (a, b) in
            [(&mut self.words, &o.words), (&mut self.entities, &o.entities), (&mut self.variants, &o.variants)]
        {
            for (x, y) in a.iter_mut().zip(b) {
                *x |= y;
            }
        }
        self
    }
}

// ---------------------------------------------------------------------------------------
// One article.

struct Slot {
    ent: u32,
    /// The article's spelling (index in `spellings`).
    spelling: usize,
    mentioned: bool,
}

struct Article<'w, 's> {
    w: &'w World,
    st: &'s mut Stats,
    rng: Rng,
    buf: String,
    need_space: bool,
    cast: Vec<Slot>,
    cover: Vec<u32>,
    cover_pos: usize,
    outlet: usize,
    index: usize,
}

impl<'w, 's> Article<'w, 's> {
    fn render(w: &'w World, i: usize, st: &'s mut Stats) -> String {
        let mut rng = Rng::new(w.seed, 1_000 + i as u64);
        let target = (w.mean_bytes * (0.71 + 0.58 * rng.f64())) as usize;
        let outlet = w.outlet_zipf.sample(&mut rng);
        // Rare words threaded round-robin so that every word type occurs.
        let mut cover = Vec::new();
        let per = w.word_count().div_ceil(w.articles.max(1));
        if per <= 16 {
            let mut j = i;
            while j < w.word_count() {
                cover.push(j as u32);
                j += w.articles;
            }
        }
        let mut a = Article {
            w,
            st,
            rng,
            buf: String::with_capacity(target + 2048),
            need_space: false,
            cast: Vec::new(),
            cover,
            cover_pos: 0,
            outlet,
            index: i,
        };
        a.choose_cast(i);
        a.write(target);
        a.buf
    }

    fn choose_cast(&mut self, i: usize) {
        let w = self.w;
        let mut ents: Vec<u32> = Vec::new();
        let k = self.rng.range(2, 5);
        let mut tries = 0;
        while ents.len() < k && tries < 20 {
            tries += 1;
            let e = w.name_zipf.sample(&mut self.rng) as u32;
            if !ents.contains(&e) {
                ents.push(e);
            }
        }
        // A person to quote and a place for the dateline, most of the time.
        if !ents.iter().any(|&e| w.entities[e as usize].kind == Kind::Person) && !w.persons.is_empty() {
            ents.push(w.persons[w.person_zipf.sample(&mut self.rng)]);
        }
        if w.entities.len() <= 4 * w.articles.max(1) {
            let mut j = i;
            while j < w.entities.len() {
                if !ents.contains(&(j as u32)) {
                    ents.push(j as u32);
                }
                j += w.articles;
            }
        }
        for &(q, _) in &w.placements[i] {
            let s = w.quotes[q as usize].speaker;
            if !ents.contains(&s) {
                ents.push(s);
            }
        }
        for e in ents {
            let spelling = self.article_spelling(e);
            self.cast.push(Slot { ent: e, spelling, mentioned: false });
        }
    }

    /// The outlet's house spelling of an entity, sometimes overridden by the writer.
    fn article_spelling(&mut self, e: u32) -> usize {
        let nv = self.w.entities[e as usize].spellings.len() - 1;
        if nv == 0 {
            return 0;
        }
        if self.rng.chance(0.15) {
            return if self.rng.chance(0.7) { 0 } else { 1 + self.rng.below(nv) };
        }
        let h = mix(self.w.seed, self.outlet as u64, e as u64);
        if h % 1000 < 250 { 1 + ((h >> 20) as usize % nv) } else { 0 }
    }

    // --- low-level writing

    fn word(&mut self, s: &str) {
        if self.need_space {
            self.buf.push(' ');
        }
        self.buf.push_str(s);
        self.need_space = true;
    }

    fn punct(&mut self, s: &str) {
        self.buf.push_str(s);
        self.need_space = true;
    }

    fn open(&mut self, s: &str) {
        if self.need_space {
            self.buf.push(' ');
        }
        self.buf.push_str(s);
        self.need_space = false;
    }

    fn end_paragraph(&mut self) {
        self.buf.push_str("\n\n");
        self.need_space = false;
    }

    fn vocab(&mut self, id: u32) {
        set_bit(&mut self.st.words, id as usize);
        let w = self.w;
        self.word(w.text(id));
    }

    fn next_word(&mut self) -> u32 {
        if self.cover_pos < self.cover.len() && self.rng.chance(0.03) {
            self.cover_pos += 1;
            return self.cover[self.cover_pos - 1];
        }
        self.w.sample_word(&mut self.rng)
    }

    fn filler(&mut self, n: usize) {
        for k in 0..n {
            let id = self.next_word();
            self.vocab(id);
            if self.rng.chance(0.012) {
                self.number_phrase();
            }
            if k + 1 < n && self.rng.chance(0.05) {
                self.punct("،");
            }
        }
    }

    fn number_phrase(&mut self) {
        let mut s = String::new();
        let r = &mut self.rng;
        let _ = match r.below(6) {
            0 => write!(s, "عام {}", r.range(1990, 2024)),
            1 => write!(s, "{} شخصا", r.range(2, 999)),
            2 => write!(s, "نحو {}", r.range(10, 5000)),
            3 => write!(s, "{} في المئة", r.range(1, 99)),
            4 => write!(s, "{} مليون دولار", r.range(1, 900)),
            _ => write!(s, "{} {}", r.range(1, 28), r.pick(MONTHS)),
        };
        self.word(&s);
    }

    // --- names

    fn mention_spelling(&mut self, si: usize) -> usize {
        let slot = &self.cast[si];
        let nv = self.w.entities[slot.ent as usize].spellings.len() - 1;
        let s = if slot.spelling > 0 {
            if self.rng.chance(0.08) { 0 } else { slot.spelling }
        } else if nv > 0 && self.rng.chance(0.03) {
            1 + self.rng.below(nv)
        } else {
            0
        };
        let e = slot.ent as usize;
        set_bit(&mut self.st.entities, e);
        if s > 0 {
            let v = self.w.var_base[e] as usize + s - 1;
            set_bit(&mut self.st.variants, v);
        }
        s
    }

    fn clitic(&mut self, p: f64) -> &'static str {
        if self.rng.chance(p) { self.rng.pick(&["و", "و", "ل", "ب", "ب", "ول", "وب", "ف"]) } else { "" }
    }

    /// Words, the first one with a proclitic attached.
    fn words_with_clitic<'a>(&mut self, clitic: &str, words: impl IntoIterator<Item = &'a str>) {
        for (k, t) in words.into_iter().enumerate() {
            if k == 0 && !clitic.is_empty() {
                let s = attach(clitic, t);
                self.word(&s);
            } else {
                self.word(t);
            }
        }
    }

    fn mention(&mut self, si: usize, clitic_ok: bool) {
        let w = self.w;
        let e = &w.entities[self.cast[si].ent as usize];
        let sp = self.mention_spelling(si);
        let toks = &e.spellings[sp];
        let first = !self.cast[si].mentioned;
        self.cast[si].mentioned = true;
        match e.kind {
            Kind::Person => {
                let (title, agree) = TITLES[e.role as usize];
                let with_title = if first { self.rng.chance(0.85) } else { self.rng.chance(0.2) };
                let full = first || self.rng.chance(0.25);
                let clitic = if clitic_ok { self.clitic(0.18) } else { "" };
                if with_title {
                    self.words_with_clitic(clitic, title.split(' '));
                    if agree > 0 && self.rng.chance(if first { 0.5 } else { 0.2 }) {
                        let nisba = NISBAS[e.nisba as usize];
                        if agree == 1 {
                            self.word(nisba);
                        } else {
                            let f = format!("{nisba}ة");
                            self.word(&f);
                        }
                    }
                    if full {
                        self.words_with_clitic("", toks.iter().map(|s| s.as_str()));
                    } else {
                        self.word(&toks[toks.len() - 1]);
                    }
                } else if full {
                    self.words_with_clitic(clitic, toks.iter().map(|s| s.as_str()));
                } else {
                    self.words_with_clitic(clitic, [toks[toks.len() - 1].as_str()]);
                }
            }
            Kind::Place => {
                let cue = PLACE_CUES[e.role as usize];
                let with_cue = self.rng.chance(if cue == "جمهورية" { 0.1 } else { 0.4 });
                let r = self.rng.f64();
                let mut clitic = "";
                if clitic_ok && r < 0.35 {
                    let p = self.rng.pick(PREPOSITIONS);
                    self.word(p);
                } else if clitic_ok && r < 0.6 {
                    clitic = self.rng.pick(&["ب", "ل", "و", "و", "وب", "ول"]);
                }
                if with_cue {
                    self.words_with_clitic(clitic, std::iter::once(cue).chain(toks.iter().map(|s| s.as_str())));
                } else {
                    self.words_with_clitic(clitic, toks.iter().map(|s| s.as_str()));
                }
            }
            Kind::Org => {
                let clitic = if clitic_ok { self.clitic(0.2) } else { "" };
                if first || self.rng.chance(0.6) {
                    self.words_with_clitic(clitic, toks.iter().map(|s| s.as_str()));
                } else {
                    self.words_with_clitic(clitic, [toks[toks.len() - 1].as_str()]);
                }
            }
        }
    }

    fn pick_slot(&mut self) -> usize {
        if self.rng.chance(0.5)
            && let Some(i) = self.cast.iter().position(|s| !s.mentioned)
        {
            return i;
        }
        if self.rng.chance(0.4) { 0 } else { self.rng.below(self.cast.len()) }
    }

    fn name_sentence(&mut self, si: usize) {
        let kind = self.w.entities[self.cast[si].ent as usize].kind;
        let r = self.rng.f64();
        match kind {
            Kind::Person if r < 0.5 => {
                let v = self.rng.pick(PERSON_VERBS);
                self.word(v);
                self.mention(si, false);
                let n = self.rng.range(6, 18);
                self.filler(n);
            }
            Kind::Org if r < 0.5 => {
                let v = self.rng.pick(ORG_VERBS);
                self.word(v);
                self.mention(si, false);
                self.word("أن");
                let n = self.rng.range(6, 16);
                self.filler(n);
            }
            _ => {
                let n = self.rng.range(3, 9);
                self.filler(n);
                if kind == Kind::Person && self.rng.chance(0.4) {
                    let p = self.rng.pick(PERSON_PREPS);
                    self.word(p);
                    self.mention(si, false);
                } else {
                    self.mention(si, true);
                }
                let n = self.rng.range(3, 12);
                self.filler(n);
            }
        }
        if self.cast.len() > 1 && self.rng.chance(0.25) {
            let other = self.rng.below(self.cast.len());
            if other != si {
                let link = self.rng.pick(&["مع", "بعد لقاء", "إلى جانب", "في", "عن", "بين"]);
                self.word(link);
                self.mention(other, false);
                let n = self.rng.range(2, 8);
                self.filler(n);
            }
        }
        self.punct(".");
    }

    fn plain_sentence(&mut self) {
        let n = self.rng.range(8, 24);
        self.filler(n);
        self.punct(".");
    }

    /// `وقال X: «…».` and friends.
    fn quote_sentence(&mut self, speaker: usize, words: &[u32], ellipsis: bool, hamza_dropped: bool) {
        let guillemets = self.rng.chance(0.7);
        let (open, close) = if guillemets { ("«", "»") } else { ("\"", "\"") };
        let form = self.rng.below(7);
        if form == 6 {
            self.open(open);
            self.quote_words(words, ellipsis, hamza_dropped);
            self.punct(close);
            self.punct("،");
            let verb = self.rng.pick(&["قال", "بحسب ما قال", "أضاف", "أكد"]);
            self.word(verb);
            self.mention(speaker, false);
            self.punct(".");
            return;
        }
        let verb = ["وقال", "وأضاف", "وأكد", "وقال", "ونقلت وسائل إعلام عن", "وتابع", "وأوضح"][form];
        self.word(verb);
        self.mention(speaker, false);
        match form {
            2 => {
                self.word("في");
                self.word("بيان");
                self.punct(":");
            }
            3 => {
                self.word("في");
                self.word("تصريحات");
                self.word("صحفية");
                self.punct(":");
            }
            4 => {
                self.word("قوله");
                self.punct(":");
            }
            6 => self.word("أن"),
            _ => self.punct(":"),
        }
        self.open(open);
        self.quote_words(words, ellipsis, hamza_dropped);
        self.punct(close);
        self.punct(".");
    }

    fn quote_words(&mut self, words: &[u32], ellipsis: bool, hamza_dropped: bool) {
        let w = self.w;
        for (k, &id) in words.iter().enumerate() {
            if hamza_dropped {
                let s = drop_hamzas(w.text(id));
                self.word(&s);
            } else {
                self.vocab(id);
            }
            if k + 1 < words.len() && k % 9 == 7 {
                self.punct("،");
            }
        }
        if ellipsis {
            self.punct("...");
        }
    }

    fn shared_quote(&mut self, q: u32, kind: CopyKind) {
        let w = self.w;
        let quote = &w.quotes[q as usize];
        let speaker = self.cast.iter().position(|s| s.ent == quote.speaker).expect("speaker in cast");
        let mut words = quote.words.clone();
        let mut ellipsis = false;
        let mut hamza = false;
        match kind {
            CopyKind::Verbatim => {}
            CopyKind::OneWordEdit => {
                let at = self.rng.below(words.len());
                if self.rng.chance(0.3) {
                    words.remove(at);
                } else {
                    words[at] = w.sample_word(&mut self.rng);
                }
            }
            CopyKind::Truncated => {
                let keep = ((words.len() as f64 * (0.5 + 0.35 * self.rng.f64())) as usize).max(6);
                words.truncate(keep.min(words.len() - 1).max(1));
                ellipsis = self.rng.chance(0.5);
            }
            CopyKind::HamzaDropped => hamza = true,
        }
        self.quote_sentence(speaker, &words, ellipsis, hamza);
    }

    fn local_quote(&mut self) {
        let Some(speaker) = self.cast.iter().position(|s| self.w.entities[s.ent as usize].kind == Kind::Person) else {
            return;
        };
        let n = self.rng.range(8, 25);
        let words: Vec<u32> = (0..n).map(|_| self.next_word()).collect();
        self.quote_sentence(speaker, &words, false, false);
    }

    fn headline(&mut self) {
        let n = self.rng.range(4, 9);
        let at = self.rng.below(3);
        let w = self.w;
        for k in 0..n {
            if k == at {
                let slot = &self.cast[0];
                let e = &w.entities[slot.ent as usize];
                let sp = self.mention_spelling(0);
                let toks = &e.spellings[sp];
                self.word(&toks[toks.len() - 1]);
            } else {
                let id = if k + 1 == n { w.sample_content_word(&mut self.rng) } else { self.next_word() };
                self.vocab(id);
            }
        }
    }

    fn date(&mut self) -> String {
        // Uniform over 2019-01-01 ..= 2024-12-31.
        let mut day = self.rng.below(365 * 6 + 2);
        for y in 2019..=2024u32 {
            let leap = y % 4 == 0;
            let len = if leap { 366 } else { 365 };
            if day >= len {
                day -= len;
                continue;
            }
            for m in 1..=12u32 {
                let dim = match m {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                if day < dim {
                    return format!("{y}-{m:02}-{:02}", day + 1);
                }
                day -= dim;
            }
        }
        unreachable!("day index within range")
    }

    fn write(&mut self, target: usize) {
        if self.rng.chance(1.0 / 3.0) {
            self.buf.push_str("---\ntitle: ");
            self.headline();
            let date = self.date();
            let _ = write!(self.buf, "\ndate: {date}\noutlet: {}\n---\n", OUTLETS[self.outlet]);
        } else {
            self.headline();
            self.buf.push_str("\n\n");
        }
        self.need_space = false;

        // Dateline.
        if self.rng.chance(0.35)
            && let Some(si) = self.cast.iter().position(|s| self.w.entities[s.ent as usize].kind == Kind::Place)
        {
            self.mention(si, false);
            self.word("-");
        }

        let mut pending: Vec<(u32, CopyKind)> = self.w.placements[self.index].clone();
        pending.reverse();
        let mut local_quote_done = !self.rng.chance(0.45);
        // Stop early enough that the last paragraph and the forced tail land near `target`.
        while self.buf.len() + 190 + 260 * pending.len() < target {
            if !pending.is_empty() && self.rng.chance(0.3) {
                let (q, kind) = pending.pop().expect("non-empty");
                self.shared_quote(q, kind);
                if self.rng.chance(0.5) {
                    let si = self.pick_slot();
                    self.name_sentence(si);
                }
            } else if !local_quote_done && self.rng.chance(0.2) {
                local_quote_done = true;
                self.local_quote();
            } else {
                let ns = 1 + self.rng.weighted(&[20, 35, 30, 15]);
                for _ in 0..ns {
                    if self.rng.chance(0.55) {
                        let si = self.pick_slot();
                        self.name_sentence(si);
                    } else {
                        self.plain_sentence();
                    }
                }
            }
            self.end_paragraph();
        }
        // Whatever must appear and has not yet.
        while let Some((q, kind)) = pending.pop() {
            self.shared_quote(q, kind);
            self.end_paragraph();
        }
        let unmentioned: Vec<usize> = (0..self.cast.len()).filter(|&i| !self.cast[i].mentioned).collect();
        if !unmentioned.is_empty() || self.cover_pos < self.cover.len() {
            for si in unmentioned {
                self.name_sentence(si);
            }
            if self.cover_pos < self.cover.len() {
                let w = self.w;
                let rest: Vec<u32> = self.cover[self.cover_pos..].to_vec();
                self.cover_pos = self.cover.len();
                for id in rest {
                    let n = self.rng.range(0, 3);
                    for _ in 0..n {
                        let x = w.sample_word(&mut self.rng);
                        self.vocab(x);
                    }
                    self.vocab(id);
                }
                self.punct(".");
            }
            self.end_paragraph();
        }
        while self.buf.ends_with("\n\n") {
            self.buf.pop();
        }
    }
}

// ---------------------------------------------------------------------------------------
// Manifest.

fn manifest_json(opts: &GenOptions, r: &GenReport, w: &World) -> String {
    let occurrences: u64 = w.quote_copies.iter().map(|&c| c as u64).sum();
    format!(
        "{{\n  \"generator\": \"isnad bench generate\",\n  \"format_version\": 1,\n  \"options\": {{\n    \
         \"articles\": {},\n    \"seed\": {},\n    \"target_bytes\": {},\n    \"vocabulary\": {},\n    \
         \"names\": {}\n  }},\n  \"articles\": {},\n  \"bytes\": {},\n  \"word_types\": {},\n  \"names\": {},\n  \
         \"variant_spellings\": {},\n  \"shared_quotes\": {},\n  \"lexicon_types\": {},\n  \
         \"function_words\": {},\n  \"entities\": {},\n  \"entities_with_variants\": {},\n  \
         \"variant_spellings_generated\": {},\n  \"shared_quote_copies\": {}\n}}\n",
        opts.articles,
        opts.seed,
        opts.target_bytes,
        opts.vocabulary,
        opts.names,
        r.articles,
        r.bytes,
        r.word_types,
        r.names,
        r.variant_spellings,
        r.shared_quotes,
        w.lexicon_len,
        w.func_len,
        w.entities.len(),
        w.entities.iter().filter(|e| e.spellings.len() > 1).count(),
        w.n_variants,
        occurrences,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn small() -> GenOptions {
        GenOptions { articles: 50, seed: 7, target_bytes: 50 * 3_700, vocabulary: 700, names: 180 }
    }

    fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let bytes = std::fs::read(&p).unwrap();
                    out.push((p.strip_prefix(dir).unwrap().to_path_buf(), bytes));
                }
            }
        }
        out.sort();
        out
    }

    fn articles(dir: &Path) -> Vec<(PathBuf, String)> {
        files(dir)
            .into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "txt"))
            .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
            .collect()
    }

    #[test]
    fn same_options_give_identical_bytes() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let ra = generate(a.path(), &small()).unwrap();
        let rb = generate(b.path(), &small()).unwrap();
        assert_eq!(ra, rb);
        let (fa, fb) = (files(a.path()), files(b.path()));
        assert_eq!(fa.len(), fb.len());
        assert!(fa == fb, "generated files differ");
        let c = tempfile::tempdir().unwrap();
        generate(c.path(), &GenOptions { seed: 8, ..small() }).unwrap();
        assert_ne!(articles(a.path()), articles(c.path()));
    }

    #[test]
    fn report_matches_files_on_disk() {
        let d = tempfile::tempdir().unwrap();
        let opts = small();
        let r = generate(d.path(), &opts).unwrap();
        let arts = articles(d.path());
        assert_eq!(arts.len(), r.articles);
        assert_eq!(arts.len(), opts.articles);
        assert_eq!(arts.iter().map(|(_, t)| t.len() as u64).sum::<u64>(), r.bytes);
        assert!(arts.iter().all(|(p, _)| p.components().count() == 2));
        assert!(arts.iter().any(|(p, _)| p.starts_with("049") && p.ends_with("article_00049.txt")));
        let ratio = r.bytes as f64 / opts.target_bytes as f64;
        assert!((0.85..1.25).contains(&ratio), "size ratio {ratio}");
        // Every lexicon type and every entity occurs (coverage threading).
        assert!(r.word_types >= opts.vocabulary, "{r:?}");
        assert_eq!(r.names, opts.names);
        assert!(r.shared_quotes >= 1);
        let manifest = std::fs::read_to_string(d.path().join("manifest.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&manifest).unwrap();
        assert_eq!(v["bytes"].as_u64(), Some(r.bytes));
        assert_eq!(v["variant_spellings"].as_u64(), Some(r.variant_spellings as u64));
        assert_eq!(v["options"]["vocabulary"].as_u64(), Some(opts.vocabulary as u64));
        for (_, t) in &arts {
            assert!(!t.contains("\n\n\n") && t.ends_with(".\n") && !t.contains("  ") && !t.contains(" \n"));
            assert!((1_500..8_000).contains(&t.len()), "article of {} bytes", t.len());
        }
    }

    #[test]
    fn variant_spellings_occur_in_the_text() {
        let d = tempfile::tempdir().unwrap();
        let r = generate(d.path(), &small()).unwrap();
        assert!(r.variant_spellings > 0);
        let world = World::build(&small());
        let text: String = articles(d.path()).into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n");
        let words: FxHashSet<&str> =
            text.split(|c: char| c.is_whitespace() || "،.:«»\"".contains(c)).filter(|w| !w.is_empty()).collect();
        let found = world
            .entities
            .iter()
            .flat_map(|e| e.spellings[1..].iter())
            .filter(|s| {
                let t = s.last().unwrap().as_str();
                words.contains(t) || ["و", "ب", "ل"].iter().any(|c| words.contains(format!("{c}{t}").as_str()))
            })
            .count();
        assert!(found > 0);
        assert!(found <= r.variant_spellings + 5, "found {found}, reported {}", r.variant_spellings);
    }

    #[test]
    fn front_matter_parses() {
        let d = tempfile::tempdir().unwrap();
        generate(d.path(), &small()).unwrap();
        let arts = articles(d.path());
        let with: Vec<&String> = arts.iter().map(|(_, t)| t).filter(|t| t.starts_with("---\n")).collect();
        assert!(with.len() >= 5 && with.len() <= 30, "{} of 50 with front matter", with.len());
        for t in with {
            let end = t[4..].find("\n---\n").expect("closed block") + 4;
            let block: Vec<&str> = t[4..end].lines().collect();
            assert_eq!(block.len(), 3, "{block:?}");
            assert!(block[0].starts_with("title: ") && block[0].len() > 10);
            assert!(block[2].starts_with("outlet: "));
            let date = block[1].strip_prefix("date: ").expect("date line");
            let parts: Vec<u32> = date.split('-').map(|p| p.parse().unwrap()).collect();
            assert_eq!(date.len(), 10);
            assert!((2019..=2024).contains(&parts[0]) && (1..=12).contains(&parts[1]) && (1..=31).contains(&parts[2]));
            let (meta, start) = isnad::corpus::document::parse_front_matter(t);
            assert_eq!(meta.date.as_deref(), Some(date));
            assert!(start > 0 && t[start..].len() > 1_000);
        }
    }

    #[test]
    fn variants_are_realistic_edits() {
        let mut rng = Rng::new(3, 3);
        for tok in ["باشينيان", "أرتوم", "كاراباخ", "شفيلي", "توراسيان"] {
            for _ in 0..50 {
                if let Some(v) = make_variant(&mut rng, tok, true) {
                    let (a, b) = (tok.chars().count() as i64, v.chars().count() as i64);
                    assert!((a - b).abs() <= 1 && v != tok, "{tok} -> {v}");
                }
            }
        }
        assert!((0..20).filter_map(|_| make_variant(&mut rng, "أرتوم", true)).any(|v| v == "ارتوم"));
        assert_eq!(attach("ل", "الرئيس"), "للرئيس");
        assert_eq!(attach("و", "الرئيس"), "والرئيس");
        assert_eq!(join_compound("قره", "باغ"), "كارابا\u{62e}");
    }
}
