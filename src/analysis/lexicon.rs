//! The word lists name finding relies on: the shipped gazetteer (`data/gazetteer.tsv`, see
//! `data/NOTICE.md` for sources and licences), the project's own lists of function words,
//! titles and place/organisation words, common Arabic given names, and the style guide from
//! the configuration. Everything is keyed by L1 form so spelling noise cannot hide a match.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::config::{Config, EntityKind};
use crate::text::normalize::{l1, letter_class};

const GAZETTEER: &str = include_str!("../../data/gazetteer.tsv");
const GAZETTEER_AMBIGUOUS: &str = include_str!("../../data/gazetteer_ambiguous.txt");
/// People's given and family names with their Latin spellings (`data/names/`, from the
/// `arabic-name-romanizer` package: Wikidata and DziriNames; see `data/NOTICE.md`).
const NAMES_GIVEN: &str = include_str!("../../data/names/given.tsv");
const NAMES_FAMILY: &str = include_str!("../../data/names/family.tsv");

/// The project's word lists (`data/lexicon/`, one list per file, each with a header saying
/// what belongs in it; see [`words`]).
const STOPWORDS: &str = include_str!("../../data/lexicon/stopwords.txt");
const PERSON_TITLES: &str = include_str!("../../data/lexicon/person_titles.txt");
const PERSON_ROLES: &str = include_str!("../../data/lexicon/person_roles.txt");
const ORG_HEADS: &str = include_str!("../../data/lexicon/org_heads.txt");
const TEAM_WORDS: &str = include_str!("../../data/lexicon/team_words.txt");
const CLUB_WORDS: &str = include_str!("../../data/lexicon/club_words.txt");
const CLUB_CUES: &str = include_str!("../../data/lexicon/club_cues.txt");
const TEAM_CUES: &str = include_str!("../../data/lexicon/team_cues.txt");
const GENERIC_CREDITS: &str = include_str!("../../data/lexicon/generic_credits.txt");
const GENERIC_BODIES: &str = include_str!("../../data/lexicon/generic_bodies.txt");
const STATEMENT_NOUNS: &str = include_str!("../../data/lexicon/statement_nouns.txt");
const TITLE_NOUNS: &str = include_str!("../../data/lexicon/title_nouns.txt");
const OPEN_ENDS: &str = include_str!("../../data/lexicon/open_ends.txt");
const ORG_NAME_ADJECTIVES: &str = include_str!("../../data/lexicon/org_name_adjectives.txt");
const PLACE_CUES: &str = include_str!("../../data/lexicon/place_cues.txt");
const PLACE_HEADS: &str = include_str!("../../data/lexicon/place_heads.txt");
const MATCH_VERBS: &str = include_str!("../../data/lexicon/match_verbs.txt");
const FOREIGN_GIVEN_NAMES: &str = include_str!("../../data/lexicon/foreign_given_names.txt");
const INTERROGATIVES: &str = include_str!("../../data/lexicon/interrogatives.txt");
const TITLE_MODIFIERS: &str = include_str!("../../data/lexicon/title_modifiers.txt");
const PLACE_WORDS: &str = include_str!("../../data/lexicon/place_words.txt");
const SAYING_VERBS: &str = include_str!("../../data/lexicon/saying_verbs.txt");
const ORG_WORDS: &str = include_str!("../../data/lexicon/org_words.txt");
const GIVEN_NAMES: &str = include_str!("../../data/lexicon/given_names.txt");
const FULL_NAME_STARTS: &str = include_str!("../../data/lexicon/full_name_starts.txt");
const PORTFOLIOS: &str = include_str!("../../data/lexicon/portfolios.tsv");
const IRREGULAR_NISBAS: &str = include_str!("../../data/lexicon/irregular_nisbas.tsv");
const NUMBER_WORDS: &str = include_str!("../../data/lexicon/number_words.tsv");
const CALENDAR_WORDS: &str = include_str!("../../data/lexicon/calendar_words.tsv");
const SHORT_PORTFOLIOS: &str = include_str!("../../data/lexicon/short_portfolios.txt");
const SHORT_NAME_HEADS: &str = include_str!("../../data/lexicon/short_name_heads.txt");
const NAME_PARTICLES: &str = include_str!("../../data/lexicon/name_particles.txt");
const FOREIGN_SUFFIXES: &str = include_str!("../../data/lexicon/foreign_suffixes.txt");
const LETTER_NAMES: &str = include_str!("../../data/lexicon/letter_names.txt");
const SENTENCE_PARTICLES: &str = include_str!("../../data/lexicon/sentence_particles.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazKind {
    Country,
    City,
    Region,
    Organization,
}

impl GazKind {
    pub fn entity_kind(self) -> EntityKind {
        match self {
            GazKind::Organization => EntityKind::Organization,
            _ => EntityKind::Place,
        }
    }
}

/// How a word stands for a short-name head (`Lexicon::short_name_head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadForm {
    /// With the article (المنظمة): the short name itself.
    Definite,
    /// Without it (منظمة): the start of a naming.
    Indefinite,
    /// A ministry's portfolio alone (الخارجية): the short name of a ministry.
    Portfolio,
    /// A minister (وزير, وزيرة), for the head وزارة: وزير الصحة names another ministry.
    Minister,
}

/// وزارة in L1: the head of every ministry.
const MINISTRY: &str = "وزاره";
/// The minister words of the head وزارة (L1).
const MINISTER: [&str; 2] = ["وزير", "وزيره"];

#[derive(Debug, Clone)]
pub struct GazEntry {
    pub arabic: String,
    pub kind: GazKind,
    pub latin: String,
    /// Also an ordinary word (مالي "financial"): weak evidence only.
    pub ambiguous: bool,
    /// A GeoNames town or city (not a country, capital or hand-listed name): the corpus's
    /// own cues may overrule it (بولتون is John Bolton more often than Bolton, England).
    pub minor: bool,
}

/// A style-guide entry resolved for lookup.
#[derive(Debug, Clone)]
pub struct StyleRef {
    pub entity: usize,
    /// The L1 form is one of the entry's declared misspellings.
    pub is_variant: bool,
    pub is_alias: bool,
}

/// A multiword name (gazetteer or style guide), for entity mentions.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// The entity's key: the L1 form of its canonical name (every form of one entity, such
    /// as a style-guide alias or a ministry's short name, shares it).
    pub key: String,
    pub name: String,
    pub kind: EntityKind,
    pub latin: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Multiword names by L1 form, and the set of their first words.
    phrases: FxHashMap<String, Phrase>,
    phrase_heads: FxHashSet<String>,
    /// First words (L1) of the gazetteer's two-word names (الأمم المتحدة, الشرق الأوسط).
    two_word_heads: FxHashSet<String>,
    /// The gazetteer's two-word names seen from one word (L1) to the other word's skeleton:
    /// head → tail skeletons, tail → head skeletons. A pair of words that keeps one word of a
    /// listed name and writes the other with its consonants (مانشستر يونايتيد, بروسيا
    /// دورتموند) is a spelling to check beside it.
    tails_by_head: FxHashMap<String, Vec<String>>,
    heads_by_tail: FxHashMap<String, Vec<String>>,
    /// The beginnings (L1, two letters up to all but two) of listed one-word names of six
    /// letters or more: the first words of such a name written in two. Asked of every pair of
    /// words, so the joined form is built only after one of these.
    split_name_starts: FxHashSet<String>,
    /// One-word gazetteer names that are not ambiguous (minor towns only with six consonants
    /// or more) (L1), by skeleton: the neighbours a corpus spelling may be a variant of
    /// (الدنمارك beside الدانمرك).
    listed_by_skeleton: FxHashMap<String, Vec<String>>,
    /// `PORTFOLIOS` by L1 form: (written form, English).
    portfolios: FxHashMap<String, (&'static str, &'static str)>,
    /// `IRREGULAR_NISBAS`: an adjective's stem (L1) -> its country (L1).
    irregular_nisbas: FxHashMap<String, String>,
    /// `SHORT_PORTFOLIOS` by L1 form.
    short_portfolios: FxHashSet<String>,
    /// `SHORT_NAME_HEADS` by L1 form.
    short_heads: FxHashSet<String>,
    /// How a word that stands for a short-name head ends (L1): a head, a portfolio, or a
    /// portfolio after لل (its alef elided).
    short_head_endings: FxHashSet<String>,
    stop: FxHashSet<String>,
    /// `interrogatives.txt`: function words that never take the preposition ك.
    interrogatives: FxHashSet<String>,
    person_titles: FxHashSet<String>,
    /// `person_roles.txt`, `foreign_given_names.txt`: read by the person names of one
    /// mention only.
    person_roles: FxHashSet<String>,
    foreign_given_names: FxHashSet<String>,
    /// `org_heads.txt`, `team_words.txt`, `club_words.txt`, `club_cues.txt`, `team_cues.txt`,
    /// `generic_credits.txt`, `generic_bodies.txt`, `statement_nouns.txt`,
    /// `match_verbs.txt`, `org_name_adjectives.txt`: read by the organisations of one mention
    /// only.
    org_heads: FxHashSet<String>,
    team_words: FxHashSet<String>,
    club_words: FxHashSet<String>,
    club_cues: FxHashSet<String>,
    team_cues: FxHashSet<String>,
    generic_credits: FxHashSet<String>,
    generic_bodies: FxHashSet<String>,
    statement_nouns: FxHashSet<String>,
    /// `title_nouns.txt`: read by the quotes only.
    title_nouns: FxHashSet<String>,
    /// `open_ends.txt`: words a quotation cannot end with; read by the quotes only.
    open_ends: FxHashSet<String>,
    /// `number_words.tsv`: a number written in words (L1) -> its value; read by the quotes.
    number_words: FxHashMap<String, u32>,
    /// `calendar_words.tsv`: a day's or a month's name (L1, two-word names joined by a space)
    /// -> what it names (one key for a month's names in both calendars); read by the quotes.
    calendar_words: FxHashMap<String, &'static str>,
    match_verbs: FxHashSet<String>,
    /// Every form `org_names` reads as a verb of a match's result (a listed verb with its
    /// proclitics and attached pronouns: `org_names::match_verb_forms`): one look-up a word.
    match_verb_forms: FxHashSet<String>,
    org_name_adjectives: FxHashSet<String>,
    /// `place_cues.txt`, `place_heads.txt`: read by the places of one mention only.
    place_cues: FxHashSet<String>,
    place_heads: FxHashSet<String>,
    title_modifiers: FxHashSet<String>,
    place_words: FxHashSet<String>,
    org_words: FxHashSet<String>,
    /// Every word (L1) a reading of which the organisation reader looks at after a head:
    /// club and team cues, team words, organisation words and heads, heads with the article.
    org_reading_words: FxHashSet<String>,
    /// Unions of the lists above, one look-up where a reader asks whether a word is in any of
    /// them (it asks of every word of an archive): `is_cue_word`'s lists; those and the verbs
    /// of saying (`names::cue_form`); those, roles and team words (a person reader's closed
    /// class).
    cue_words: FxHashSet<String>,
    cue_or_saying_words: FxHashSet<String>,
    closed_class_words: FxHashSet<String>,
    letter_names: FxHashSet<String>,
    sentence_particles: FxHashSet<String>,
    given_names: FxHashSet<String>,
    full_name_starts: FxHashSet<String>,
    saying: FxHashSet<String>,
    particles: FxHashSet<String>,
    /// `FOREIGN_SUFFIXES` (L1).
    foreign_suffixes: Vec<&'static str>,
    gazetteer: FxHashMap<String, GazEntry>,
    /// Style guide keyed by L1 form of canonical names, variants and aliases.
    style: FxHashMap<String, StyleRef>,
    /// Canonical spellings of style entries, by entity index.
    pub style_canonical: Vec<String>,
    /// Accepted spellings (L0 as written).
    accepted: FxHashSet<String>,
    /// Names as the lists write them (L0, hamza kept): hand-listed given names, gazetteer
    /// entries, style-guide canonicals.
    written_names: FxHashSet<String>,
    /// Names as hand-checked lists write them (L0): the project's given names, its own
    /// gazetteer entries and CLDR's countries and regions (not GeoNames', not CLDR's cities),
    /// style-guide canonicals. Their spelling
    /// is the canonical even where the corpus adds a hamza (اسكتلندا, not أسكتلندا).
    checked_names: FxHashSet<String>,
}

/// The lines of a data list that are not comments (`#`).
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().filter(|l| !l.trim_start().starts_with('#'))
}

/// The entries of a word list: whitespace-separated, lines starting with `#` are comments.
pub fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    entries(list).flat_map(str::split_whitespace)
}

/// A listed one-word name `is_split_listed_name` may find written in two: no ambiguous
/// entry, no minor town, six letters or more.
fn split_listed(g: &GazEntry) -> bool {
    !g.ambiguous && !g.minor && g.arabic.chars().count() >= 6
}

fn l1_set(list: &'static str) -> FxHashSet<String> {
    words(list).map(l1).collect()
}

impl Lexicon {
    pub fn with_config(config: &Config) -> Lexicon {
        let ambiguous = l1_set(GAZETTEER_AMBIGUOUS);
        let mut gazetteer = FxHashMap::default();
        let mut checked_names: FxHashSet<String> = FxHashSet::default();
        for line in GAZETTEER.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(arabic), Some(kind), latin, source) = (f.next(), f.next(), f.next().unwrap_or(""), f.next().unwrap_or("")) else { continue };
            let minor = kind == "city" && source == "geonames";
            // CLDR's countries and regions, not its cities (لوس انجلوس without its hamza)
            if source == "isnad" || source == "cldr" && kind != "city" {
                checked_names.insert(crate::text::normalize::l0(arabic));
            }
            let kind = match kind {
                "country" => GazKind::Country,
                "city" => GazKind::City,
                "region" => GazKind::Region,
                "organization" => GazKind::Organization,
                _ => continue,
            };
            let key = l1(arabic);
            let amb = ambiguous.contains(&key);
            // first entry wins (countries come before cities in the file's sort only by
            // chance, so prefer the more specific kinds explicitly); a place wins over an
            // organisation named after it (الشرق الأوسط the region, not the newspaper), unless
            // the place is a minor GeoNames town (السد the club, not a district of Doha); a
            // hand-listed city is not a minor GeoNames town (الدوحة)
            let better = |old: &GazEntry| {
                matches!((old.kind, kind), (GazKind::City, GazKind::Country) | (GazKind::Region, GazKind::Country))
                    || old.kind == GazKind::Organization && kind != GazKind::Organization && !minor
                    || old.kind != GazKind::Organization && old.minor && kind == GazKind::Organization
                    || old.minor && !minor && old.kind == kind
            };
            match gazetteer.get(&key) {
                Some(old) if !better(old) => {}
                _ => {
                    gazetteer.insert(key, GazEntry { arabic: arabic.to_string(), kind, latin: latin.to_string(), ambiguous: amb, minor });
                }
            }
        }
        let mut style = FxHashMap::default();
        let mut style_canonical = Vec::new();
        for (i, e) in config.entity.iter().enumerate() {
            let canonical = crate::text::normalize::l0(e.canonical.trim());
            if canonical.is_empty() {
                continue;
            }
            style.insert(l1(&canonical), StyleRef { entity: i, is_variant: false, is_alias: false });
            for v in &e.variants {
                style.insert(l1(v.trim()), StyleRef { entity: i, is_variant: true, is_alias: false });
            }
            for a in &e.aliases {
                style.insert(l1(a.trim()), StyleRef { entity: i, is_variant: false, is_alias: true });
            }
            style_canonical.resize(i + 1, String::new());
            style_canonical[i] = canonical;
        }
        let written_names: FxHashSet<String> = words(GIVEN_NAMES)
            .chain(words(FULL_NAME_STARTS))
            .map(crate::text::normalize::l0)
            .chain(gazetteer.values().filter(|g| !g.ambiguous).map(|g| g.arabic.clone()))
            .chain(style_canonical.iter().cloned())
            .collect();
        checked_names.extend(words(GIVEN_NAMES).chain(words(FULL_NAME_STARTS)).map(crate::text::normalize::l0));
        checked_names.extend(style_canonical.iter().cloned());
        let mut phrases = FxHashMap::default();
        for (key, g) in &gazetteer {
            if key.contains(' ') && !g.ambiguous {
                phrases.insert(key.clone(), Phrase { key: key.clone(), name: g.arabic.clone(), kind: g.kind.entity_kind(), latin: Some(g.latin.clone()).filter(|l| !l.is_empty()), description: None });
            }
        }
        for e in &config.entity {
            let canonical = crate::text::normalize::l0(e.canonical.trim());
            if canonical.contains(' ') {
                let p = Phrase { key: l1(&canonical), name: canonical.clone(), kind: e.kind, latin: e.latin.clone(), description: e.description.clone() };
                for form in std::iter::once(&canonical).chain(e.variants.iter()).chain(e.aliases.iter()) {
                    phrases.insert(l1(form.trim()), p.clone());
                }
            }
        }
        let two_word_heads = gazetteer
            .iter()
            .filter(|(k, g)| !g.ambiguous && k.split(' ').count() == 2)
            .filter_map(|(k, _)| k.split(' ').next().map(str::to_string))
            .collect();
        let (mut tails_by_head, mut heads_by_tail): (FxHashMap<String, Vec<String>>, FxHashMap<String, Vec<String>>) = Default::default();
        for (k, g) in &gazetteer {
            let (Some((head, tail)), Some((head_l0, tail_l0))) = (k.split_once(' '), g.arabic.split_once(' ')) else { continue };
            if g.ambiguous || tail.contains(' ') || tail_l0.contains(' ') {
                continue;
            }
            let skeleton = |w: &str| crate::text::normalize::skeleton(std::iter::once(w));
            tails_by_head.entry(head.to_string()).or_default().push(skeleton(tail_l0));
            heads_by_tail.entry(tail.to_string()).or_default().push(skeleton(head_l0));
        }
        let mut split_name_starts: FxHashSet<String> = FxHashSet::default();
        for (k, g) in &gazetteer {
            if split_listed(g) && !k.contains(' ') {
                let chars: Vec<char> = k.chars().collect();
                split_name_starts.extend((2..chars.len().saturating_sub(1)).map(|n| chars[..n].iter().collect::<String>()));
            }
        }
        let mut listed_by_skeleton: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for (k, g) in &gazetteer {
            // a minor town only with six consonants or more: so long a skeleton is that one
            // name's (هدرسفيلد, whose spelling هادرسفيلد is no other word)
            let long = || k.chars().filter(|&c| letter_class(c).is_some()).count() >= 6;
            if !g.ambiguous && (!g.minor || long()) && !k.contains(' ') {
                listed_by_skeleton.entry(crate::text::normalize::skeleton(std::iter::once(k.as_str()))).or_default().push(k.clone());
            }
        }
        for v in listed_by_skeleton.values_mut() {
            v.sort_unstable();
        }
        let match_verbs = l1_set(MATCH_VERBS);
        let union = |lists: &[&'static str]| lists.iter().copied().flat_map(l1_set).collect::<FxHashSet<String>>();
        let mut org_reading_words = union(&[CLUB_CUES, TEAM_CUES, TEAM_WORDS, ORG_WORDS, ORG_HEADS]);
        org_reading_words.extend(l1_set(ORG_HEADS).into_iter().map(|h| format!("ال{h}")));
        let cue_lists = [PERSON_TITLES, TITLE_MODIFIERS, PLACE_WORDS, ORG_WORDS];
        let cue_words = union(&cue_lists);
        let cue_or_saying_words = union(&[&cue_lists[..], &[SAYING_VERBS]].concat());
        let closed_class_words = union(&[&cue_lists[..], &[PERSON_ROLES, SAYING_VERBS, TEAM_WORDS]].concat());
        let mut phrase_heads: FxHashSet<String> = phrases.keys().filter_map(|k| k.split(' ').next().map(str::to_string)).collect();
        phrase_heads.insert(MINISTRY.to_string());
        phrase_heads.extend(words(SHORT_PORTFOLIOS).map(l1));
        Lexicon {
            phrases,
            phrase_heads,
            two_word_heads,
            tails_by_head,
            heads_by_tail,
            split_name_starts,
            listed_by_skeleton,
            irregular_nisbas: entries(IRREGULAR_NISBAS).filter_map(|l| l.split_once('\t')).map(|(a, c)| (l1(a.trim()), l1(c.trim()))).collect(),
            portfolios: entries(PORTFOLIOS).filter_map(|l| l.split_once('\t')).map(|(a, e)| (l1(a), (a, e))).collect(),
            foreign_suffixes: words(FOREIGN_SUFFIXES).collect(),
            short_portfolios: words(SHORT_PORTFOLIOS).map(l1).collect(),
            short_heads: l1_set(SHORT_NAME_HEADS),
            short_head_endings: l1_set(SHORT_NAME_HEADS)
                .into_iter()
                .chain(words(SHORT_PORTFOLIOS).map(l1))
                .chain(words(SHORT_PORTFOLIOS).map(|p| l1(p).trim_start_matches('ا').to_string()))
                .chain(MINISTER.iter().map(|m| m.to_string()))
                .collect(),
            stop: l1_set(STOPWORDS),
            interrogatives: l1_set(INTERROGATIVES),
            person_titles: l1_set(PERSON_TITLES),
            person_roles: l1_set(PERSON_ROLES),
            org_heads: l1_set(ORG_HEADS),
            team_words: l1_set(TEAM_WORDS),
            club_words: l1_set(CLUB_WORDS),
            club_cues: l1_set(CLUB_CUES),
            team_cues: l1_set(TEAM_CUES),
            generic_credits: l1_set(GENERIC_CREDITS),
            generic_bodies: l1_set(GENERIC_BODIES),
            statement_nouns: l1_set(STATEMENT_NOUNS),
            title_nouns: l1_set(TITLE_NOUNS),
            open_ends: l1_set(OPEN_ENDS),
            number_words: entries(NUMBER_WORDS).filter_map(|l| l.split_once('\t')).filter_map(|(w, v)| Some((l1(w.trim()), v.trim().parse().ok()?))).collect(),
            calendar_words: entries(CALENDAR_WORDS).filter_map(|l| l.split_once('\t')).map(|(w, v)| (l1(w.trim()), v.trim())).collect(),
            org_name_adjectives: l1_set(ORG_NAME_ADJECTIVES),
            place_cues: l1_set(PLACE_CUES),
            place_heads: l1_set(PLACE_HEADS),
            match_verb_forms: super::org_names::match_verb_forms(&match_verbs),
            match_verbs,
            foreign_given_names: l1_set(FOREIGN_GIVEN_NAMES),
            title_modifiers: l1_set(TITLE_MODIFIERS),
            place_words: l1_set(PLACE_WORDS),
            org_words: l1_set(ORG_WORDS),
            org_reading_words,
            cue_words,
            cue_or_saying_words,
            closed_class_words,
            letter_names: l1_set(LETTER_NAMES),
            sentence_particles: l1_set(SENTENCE_PARTICLES),
            given_names: l1_set(GIVEN_NAMES),
            full_name_starts: l1_set(FULL_NAME_STARTS),
            particles: l1_set(NAME_PARTICLES),
            saying: l1_set(SAYING_VERBS),
            gazetteer,
            style,
            style_canonical,
            accepted: config.spelling.accepted.iter().map(|s| crate::text::normalize::l0(s.trim())).collect(),
            written_names,
            checked_names,
        }
    }

    pub fn is_stopword(&self, l1: &str) -> bool {
        self.stop.contains(l1)
    }

    /// A function word, also with a proclitic attached (وإن, وكانت, فقد, بعد); no interrogative
    /// after ك (كاين is Kane).
    pub fn is_function_word(&self, l1: &str) -> bool {
        if self.stop.contains(l1) {
            return true;
        }
        ["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"].iter().any(|p| {
            l1.strip_prefix(p).is_some_and(|rest| {
                rest.chars().count() >= 2 && self.stop.contains(rest) && !(p.ends_with('ك') && self.interrogatives.contains(rest))
            })
        })
    }
    pub fn is_person_title(&self, l1: &str) -> bool {
        self.person_titles.contains(l1)
    }
    /// A title, role or profession written right before a person's name (L1).
    pub fn is_person_role(&self, l1: &str) -> bool {
        self.person_titles.contains(l1) || self.person_roles.contains(l1)
    }
    /// A head noun that names an organisation with the words after it (L1, no article).
    pub fn is_org_head(&self, l1: &str) -> bool {
        self.org_heads.contains(l1)
    }
    /// A noun describing the sports team named after it (فريق, منتخب), L1.
    pub fn is_team_word(&self, l1: &str) -> bool {
        self.team_words.contains(l1)
    }
    /// A noun of a match or a team's people before a listed club (لاعب, مباراة, النادي), L1.
    pub fn is_club_cue(&self, l1: &str) -> bool {
        self.club_cues.contains(l1)
    }
    /// A noun of a match before the side that plays it (مرمى, مدرب, ضيفه), L1.
    pub fn is_team_cue(&self, l1: &str) -> bool {
        self.team_cues.contains(l1)
    }
    /// A word a dateline puts where an outlet's name stands that names no one (وكالات), L1.
    pub fn is_generic_credit(&self, l1: &str) -> bool {
        self.generic_credits.contains(l1)
    }
    /// A definite noun making, after a head, the board every company has (الإدارة in مجلس
    /// الإدارة), L1.
    pub fn is_generic_body(&self, l1: &str) -> bool {
        self.generic_bodies.contains(l1)
    }
    /// A noun of a statement given to someone (تصريحات, مقابلة), L1.
    pub fn is_statement_noun(&self, l1: &str) -> bool {
        self.statement_nouns.contains(l1)
    }
    /// The value of a number written in words (ثلاثة, السادسة, وأربعين: the article and a و
    /// taken off), from its L1 form.
    pub fn number_word(&self, l1: &str) -> Option<u32> {
        let found = |w: &str| self.number_words.get(w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w)).copied();
        found(l1).or_else(|| l1.strip_prefix('و').filter(|r| r.chars().count() >= 2).and_then(found))
    }
    /// What a day's or a month's name (L1; a two-word name with one space) names: the
    /// weekday or the month, the same for a month's names in both calendars (أبريل, نيسان).
    pub fn calendar_word(&self, l1: &str) -> Option<&'static str> {
        self.calendar_words.get(l1).copied()
    }
    /// The city a word (L1; a two-word name with one space) names, by its Latin name (so that
    /// جازان and جيزان are one city): the gazetteer's cities that are not also ordinary words or
    /// given names. Countries and regions are left out: translations name a country in several
    /// ways (بريطانيا, المملكة المتحدة), or by its capital.
    pub fn unambiguous_city(&self, l1: &str) -> Option<&str> {
        self.gazetteer(l1).filter(|g| g.kind == GazKind::City && !g.ambiguous && !g.latin.is_empty()).map(|g| g.latin.as_str())
    }
    /// A noun that gives a thing its name between quote marks (كتاب, برنامج, حملة), L1.
    pub fn is_title_noun(&self, l1: &str) -> bool {
        self.title_nouns.contains(l1)
    }
    /// A word a quotation cannot end with (`open_ends.txt`: في, أن, الذي), L1.
    pub fn is_open_end(&self, l1: &str) -> bool {
        self.open_ends.contains(l1)
    }
    /// A stopword that still continues an organisation's name (الأعلى), L1.
    pub fn is_org_name_adjective(&self, l1: &str) -> bool {
        self.org_name_adjectives.contains(l1)
    }
    /// A word making a club's name beside a place (ريال, يونايتد), L1.
    pub fn is_club_word(&self, l1: &str) -> bool {
        self.club_words.contains(l1)
    }
    /// A preposition or a state's noun right before a place's name (في, سلطنة), L1.
    pub fn is_place_cue(&self, l1: &str) -> bool {
        self.place_cues.contains(l1)
    }
    /// A head noun that is part of a place's name with the name after it (مسجد, نهر), L1.
    pub fn is_place_head(&self, l1: &str) -> bool {
        self.place_heads.contains(l1)
    }
    /// A verb or noun of a match's result (فازت, تعادل), L1.
    pub fn is_match_verb(&self, l1: &str) -> bool {
        self.match_verbs.contains(l1)
    }
    #[cfg(test)]
    pub(crate) fn match_verbs_for_tests(&self) -> &FxHashSet<String> {
        &self.match_verbs
    }
    /// A listed verb or noun of a match's result with its proclitics and attached pronoun
    /// (وفاز, بفوزه, خسارته), L1.
    pub fn is_match_verb_form(&self, l1: &str) -> bool {
        self.match_verb_forms.contains(l1)
    }
    /// A given name of people outside the Arab world as Arabic news writes it (ستيفن), L1:
    /// for reading a person's name at a mention, never for spelling.
    pub fn is_foreign_given_name(&self, l1: &str) -> bool {
        self.foreign_given_names.contains(l1)
    }
    pub fn is_title_modifier(&self, l1: &str) -> bool {
        self.title_modifiers.contains(l1)
    }
    pub fn is_place_word(&self, l1: &str) -> bool {
        self.place_words.contains(l1)
    }
    pub fn is_org_word(&self, l1: &str) -> bool {
        self.org_words.contains(l1)
    }
    /// Whether the word (L1), as written or after a proclitic, is one the organisation reader
    /// looks at as a head or a cue (`org_reading_words`): most words are none, and are then
    /// not split into readings at all.
    pub fn may_head_org(&self, l1: &str) -> bool {
        let mut any = self.org_reading_words.contains(l1);
        crate::text::clitics::for_each_split(l1, 3, |_, rest, lil| {
            any = any || if lil { self.org_reading_words.contains(&format!("ا{rest}")) } else { self.org_reading_words.contains(rest) };
        });
        any
    }
    /// The name of a Latin letter as an acronym spells it out (بي, سي, إتش).
    pub fn is_letter_name(&self, l1: &str) -> bool {
        self.letter_names.contains(l1)
    }
    /// A particle that makes a sentence of the words around it (لن, قد, كان).
    pub fn is_sentence_particle(&self, l1: &str) -> bool {
        self.sentence_particles.contains(l1)
    }
    /// Listed one-word names (L1) with this skeleton (`listed_by_skeleton`).
    pub fn listed_with_skeleton(&self, skeleton: &str) -> &[String] {
        self.listed_by_skeleton.get(skeleton).map(Vec::as_slice).unwrap_or(&[])
    }
    /// Two words (L1) that are a two-word name of the gazetteer (الامم + المتحده).
    pub fn is_listed_two_words(&self, a: &str, b: &str) -> bool {
        self.two_word_heads.contains(a) && {
            let key = format!("{a} {b}");
            self.gazetteer.get(&key).is_some_and(|g| !g.ambiguous)
        }
    }
    /// Two words (L1 and L0 of each) that write a two-word name of the gazetteer with one
    /// word as listed and the other with the listed word's consonants (مانشستر يونايتيد
    /// beside مانشستر يونايتد, بروسيا دورتموند beside بوروسيا دورتموند): candidates for the
    /// spelling check, which decides whether they are one name.
    pub fn is_listed_two_word_variant(&self, (a_l1, a_l0): (&str, &str), (b_l1, b_l0): (&str, &str)) -> bool {
        let skeleton = |w: &str| crate::text::normalize::skeleton(std::iter::once(w));
        let matches = |others: Option<&Vec<String>>, w: &str| others.is_some_and(|v| {
            let k = skeleton(w);
            v.contains(&k)
        });
        matches(self.tails_by_head.get(a_l1), b_l0) || matches(self.heads_by_tail.get(b_l1), a_l0)
    }

    /// Two words (L1) that write a listed one-word name in two (كوستا ريكا, واتس آب: the
    /// second may look like a function word, آب "August").
    pub fn is_split_listed_name(&self, a_l1: &str, b_l1: &str) -> bool {
        b_l1.chars().count() >= 2 && self.split_name_starts.contains(a_l1) && {
            let joined = format!("{a_l1}{b_l1}");
            self.gazetteer.get(&joined).is_some_and(split_listed)
        }
    }
    pub fn is_phrase_head(&self, l1: &str) -> bool {
        self.phrase_heads.contains(l1)
    }

    /// A multiword name by the L1 form of its words: listed (gazetteer, style guide) or a
    /// ministry (`ministry`).
    pub fn phrase(&self, l1: &str) -> Option<std::borrow::Cow<'_, Phrase>> {
        use std::borrow::Cow;
        self.phrases.get(l1).map(Cow::Borrowed).or_else(|| self.ministry(l1).map(Cow::Owned))
    }

    /// The kind of a multiword name, without building a ministry's names.
    pub fn phrase_kind(&self, l1: &str) -> Option<EntityKind> {
        self.phrases.get(l1).map(|p| p.kind).or_else(|| self.ministry_parts(l1).map(|_| EntityKind::Organization))
    }

    /// A ministry's parts, read from its L1 words: the portfolio and, if any, the country
    /// of its feminine nisba (with the nisba). وزارة + portfolio (+ nisba), or the short form
    /// without وزارة that only a ministry takes (الخارجية الروسية).
    fn ministry_parts<'k>(&self, key: &'k str) -> Option<(&'k str, Option<(&'k str, &GazEntry)>)> {
        let mut words = key.split(' ');
        let (first, second, third) = (words.next()?, words.next()?, words.next());
        if words.next().is_some() {
            return None;
        }
        let (portfolio, nisba) = match (first, third) {
            (MINISTRY, _) => (second, third),
            (p, None) if self.short_portfolios.contains(p) => (p, Some(second)),
            _ => return None,
        };
        if !self.portfolios.contains_key(portfolio) {
            return None;
        }
        let country = match nisba {
            // feminine, agreeing with وزارة, and of a country
            Some(n) => Some((n, self.nisba_base(n).filter(|g| n.ends_with("يه") && g.kind == GazKind::Country)?)),
            None => None,
        };
        Some((portfolio, country))
    }

    /// A ministry (see `ministry_parts`), the short form the same entity as the full form.
    fn ministry(&self, key: &str) -> Option<Phrase> {
        let (portfolio, country) = self.ministry_parts(key)?;
        let &(shown, english) = self.portfolios.get(portfolio)?;
        let mut name = format!("وزارة {shown}");
        let mut latin = format!("Ministry of {english}");
        let mut canonical = format!("{MINISTRY} {portfolio}");
        if let Some((n, country)) = country {
            // the written nisba: L1 lost the final ة and the hamza the country is written with
            let stem = n.strip_prefix("ال")?.strip_suffix('ه')?;
            let hamza = country.arabic.chars().next().filter(|c| matches!(c, 'أ' | 'إ' | 'آ'));
            let stem: String = match hamza {
                Some(h) if stem.starts_with('ا') => std::iter::once(h).chain(stem.chars().skip(1)).collect(),
                _ => stem.to_string(),
            };
            name.push_str(&format!(" ال{stem}ة"));
            latin.push_str(&format!(" ({})", country.latin));
            canonical.push(' ');
            canonical.push_str(n);
        }
        Some(Phrase { key: canonical, name, kind: EntityKind::Organization, latin: Some(latin), description: None })
    }

    /// The L1 forms of a phrase entity: its key, the listed forms with the same key, and for
    /// a ministry with a nisba its short form (الخارجيه الروسيه). All end with the same word.
    pub fn phrase_forms(&self, key: &str) -> Vec<String> {
        let mut out = vec![key.to_string()];
        out.extend(self.phrases.iter().filter(|(form, p)| p.key == key && form.as_str() != key).map(|(form, _)| form.clone()));
        if let Some(short) = key.strip_prefix(MINISTRY).and_then(|r| r.strip_prefix(' ')).filter(|rest| rest.contains(' ') && self.ministry_parts(key).is_some()) {
            out.push(short.to_string());
        }
        out
    }

    /// Whether a phrase key is a ministry's short form (الخارجية الروسية), which an
    /// adjective reading shadows after a feminine noun (السياسة الخارجية الروسية).
    pub fn is_short_ministry(&self, key: &str) -> bool {
        key.split(' ').next().is_some_and(|p| self.short_portfolios.contains(p)) && self.ministry_parts(key).is_some()
    }

    /// The short-name head a word (L1, proclitic removed) stands for: المنظمه and منظمه for
    /// منظمه, الخارجيه for itself. The head is returned as the lexicon keeps it.
    pub fn short_name_head(&self, l1: &str) -> Option<(&str, HeadForm)> {
        if let Some(h) = self.short_portfolios.get(l1) {
            return Some((h, HeadForm::Portfolio));
        }
        if let Some(h) = l1.strip_prefix("ال").and_then(|rest| self.short_heads.get(rest)) {
            return Some((h, HeadForm::Definite));
        }
        if MINISTER.contains(&l1) {
            return self.short_heads.get(MINISTRY).map(|h| (h.as_str(), HeadForm::Minister));
        }
        self.short_heads.get(l1).map(|h| (h.as_str(), HeadForm::Indefinite))
    }

    /// Whether a word (L1, as written) can stand for a short-name head at all: it ends with
    /// one after at most five letters (proclitics and the article). A quick test without
    /// allocating, before the exact reading (`Analyzer::head_word`).
    pub fn may_hold_short_name_head(&self, l1: &str) -> bool {
        l1.char_indices().take(6).any(|(i, _)| self.short_head_endings.contains(&l1[i..]))
    }

    /// The L1 forms a head word takes without its proclitic: the head, with the article,
    /// and for وزاره the minister.
    pub fn head_word_forms(&self, head: &str) -> Vec<String> {
        let mut out = vec![head.to_string()];
        if !head.starts_with("ال") {
            out.push(format!("ال{head}"));
        }
        if head == MINISTRY {
            out.extend(MINISTER.iter().map(|m| m.to_string()));
        }
        out
    }

    /// A ministry's portfolio (L1, with the article): الخارجيه, الصحه.
    pub fn is_portfolio(&self, l1: &str) -> bool {
        self.portfolios.contains_key(l1)
    }

    /// A ministry parsed from its words (not a listed phrase).
    pub fn is_ministry(&self, key: &str) -> bool {
        !self.phrases.contains_key(key) && self.ministry_parts(key).is_some()
    }

    /// The short-name heads of a phrase (by its key): a ministry's وزاره and, for the
    /// portfolios that stand alone, its portfolio; a listed phrase's first word when it is a
    /// head (المرصد السوري لحقوق الإنسان → مرصد, الاتحاد السوفيتي → اتحاد). An organisation is
    /// what they name; any other phrase makes them ambiguous.
    pub fn short_name_heads_of(&self, key: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut words = key.split(' ');
        let Some(first) = words.next() else { return out };
        if self.is_ministry(key) {
            out.extend(self.short_heads.get(first).map(String::as_str));
            out.extend(words.next().and_then(|p| self.short_portfolios.get(p)).map(String::as_str));
        } else if self.phrases.contains_key(key) {
            let bare = first.strip_prefix("ال").unwrap_or(first);
            out.extend(self.short_heads.get(bare).map(String::as_str));
        }
        out
    }

    /// Multiword names that contain `word` (L1) as one of their words.
    pub fn phrases_containing(&self, word: &str) -> Vec<String> {
        let mut v: Vec<String> = self.phrases.keys().filter(|k| k.split(' ').any(|w| w == word)).cloned().collect();
        v.sort();
        v
    }

    pub fn is_saying_verb(&self, l1: &str) -> bool {
        self.saying.contains(l1)
    }
    pub fn is_name_particle(&self, l1: &str) -> bool {
        self.particles.contains(l1)
    }
    /// Titles, ministries, place and organisation words: context for names, never names.
    pub fn is_cue_word(&self, l1: &str) -> bool {
        self.cue_words.contains(l1)
    }
    /// A cue word or a verb of saying (L1).
    pub fn is_cue_or_saying(&self, l1: &str) -> bool {
        self.cue_or_saying_words.contains(l1)
    }
    /// A cue word, a role, a verb of saying or a team's noun (L1): never a person's name.
    pub fn is_closed_class(&self, l1: &str) -> bool {
        self.closed_class_words.contains(l1)
    }
    pub fn is_given_name(&self, l1: &str) -> bool {
        self.given_names.contains(l1)
    }
    /// A given name that is nothing but a name (`FULL_NAME_STARTS`).
    pub fn starts_full_name(&self, l1: &str) -> bool {
        self.full_name_starts.contains(l1)
    }
    /// A foreign given name that is no listed place (not ليون Lyon). A word after one that the
    /// dictionary does not know is a family name (هاري كاين), as after `full_name_starts`:
    /// an unknown word after هاري or نيل is a name whatever else these words can mean (هارٍ
    /// "crumbling", نيل "attaining").
    pub fn is_plain_foreign_given_name(&self, l1: &str) -> bool {
        self.foreign_given_names.contains(l1) && !self.gazetteer.contains_key(l1)
    }
    pub fn gazetteer(&self, l1: &str) -> Option<&GazEntry> {
        self.gazetteer.get(l1)
    }
    /// Whether the gazetteer lists the word (L1) as an organisation (ambiguous ones too).
    pub fn listed_org(&self, l1: &str) -> bool {
        self.gazetteer(l1).is_some_and(|g| g.kind == GazKind::Organization)
    }
    /// Whether the gazetteer lists the word (L1) as a place: a country, city or region
    /// (ambiguous ones too).
    pub fn listed_place(&self, l1: &str) -> bool {
        self.gazetteer(l1).is_some_and(|g| g.kind != GazKind::Organization)
    }
    pub fn style(&self, l1: &str) -> Option<&StyleRef> {
        self.style.get(l1)
    }
    /// A name exactly as a list writes it (L0): أحمد, إسطنبول.
    pub fn is_written_name(&self, l0: &str) -> bool {
        self.written_names.contains(l0)
    }
    /// A name written as a hand-checked list writes it (L0, see `checked_names`).
    pub fn is_checked_name(&self, l0: &str) -> bool {
        self.checked_names.contains(l0)
    }
    /// A family name of the name lists (L1).
    pub fn is_listed_family_name(&self, l1: &str) -> bool {
        person_names().family.contains_key(l1)
    }
    pub fn is_accepted(&self, l0: &str) -> bool {
        self.accepted.contains(l0)
    }
    pub fn gazetteer_len(&self) -> usize {
        self.gazetteer.len()
    }

    /// Foreign-name morphology on an L1 form: a known ending, or letters Arabic itself lacks.
    pub fn looks_foreign(&self, l1: &str) -> bool {
        let n = l1.chars().count();
        l1.chars().any(|c| matches!(c, 'پ' | 'چ' | 'ڤ' | 'گ' | 'ژ'))
            || l1.contains("تش")
            || self.foreign_suffixes.iter().any(|s| l1.ends_with(s) && n >= s.chars().count() + 2)
    }

    /// A nisba adjective of a country or region (أميركي, روسية), as it stands without the
    /// article after an indefinite title (سفير أميركي). Cities are left out: too many
    /// surnames end like a city's nisba (كاري ← كارا).
    pub fn country_nisba(&self, l1: &str) -> bool {
        self.nisba_base(l1).is_some_and(|g| matches!(g.kind, GazKind::Country | GazKind::Region))
    }

    /// A country's or region's adjective, also of one named with the article (اليابانية ←
    /// اليابان, السوداني ← السودان) or whose name is an ordinary word too (المغربي ← المغرب),
    /// which `country_nisba` leaves out. For reading names at one mention (a nationality
    /// before a person, after an organisation).
    pub fn country_adjective(&self, l1: &str) -> bool {
        if self.country_nisba(l1) {
            return true;
        }
        let stem = l1.strip_prefix("ال").unwrap_or(l1);
        ["يين", "يون", "يه", "ي"].iter().any(|suffix| {
            stem.strip_suffix(suffix).filter(|b| b.chars().count() >= 3).is_some_and(|base| {
                // the adjective is unambiguous where the country's name is not (المغربي)
                [format!("ال{base}"), base.to_string()].iter().any(|b| self.gazetteer.get(b.as_str()).is_some_and(|g| matches!(g.kind, GazKind::Country | GazKind::Region)))
            })
        })
    }

    /// A nisba adjective derived from a gazetteer name: الأرمينية ← أرمينيا, الروسي ← روسيا,
    /// الأذربيجاني ← أذربيجان.
    pub fn nisba_base(&self, l1: &str) -> Option<&GazEntry> {
        let stem = l1.strip_prefix("ال").unwrap_or(l1);
        let mut cand = String::with_capacity(stem.len() + 4);
        for suffix in ["يين", "يون", "يه", "ي"] {
            if let Some(base) = stem.strip_suffix(suffix) {
                if base.chars().count() < 3 {
                    continue;
                }
                // an irregular adjective of the hand list (الإنجليزي ← إنجلترا)
                if let Some(g) = self.irregular_nisbas.get(base).and_then(|c| self.gazetteer.get(c.as_str())) {
                    return Some(g);
                }
                for ending in ["يا", "ا", "", "ه", "ي"] {
                    cand.clear();
                    cand.push_str(base);
                    cand.push_str(ending);
                    if let Some(g) = self.gazetteer.get(cand.as_str()) {
                        // without the article, a minor town's "nisba" is more often a name
                        // ending in ي: كاري is Kari, not "of Kara"
                        if !g.ambiguous && g.kind != GazKind::Organization && !(g.minor && !l1.starts_with("ال")) {
                            return Some(g);
                        }
                    }
                }
            }
        }
        None
    }

    /// The Latin spellings (lowercase, `|`-separated) the name lists give a person's given
    /// or family name (L1), given names first.
    pub fn person_name_latin(&self, l1: &str) -> impl Iterator<Item = &'static str> {
        let lists = person_names();
        lists.given.get(l1).into_iter().chain(lists.family.get(l1)).flat_map(|l| l.split('|'))
    }

    /// A given name of the name lists or of the hand list.
    pub fn is_listed_given_name(&self, l1: &str) -> bool {
        self.given_names.contains(l1) || self.full_name_starts.contains(l1) || person_names().given.contains_key(l1)
    }

    /// Whether a list says two spellings (L1) are one name: two gazetteer entries with one
    /// Latin name (ميونخ / ميونيخ, أميركا / أمريكا), two nisbas of such names with the same
    /// ending (الأميركية / الأمريكية), or two person names the name lists spell alike in
    /// Latin (ميشيل / ميشال, ديفيد / دافيد). A nisba and its base are not one name.
    pub fn same_name(&self, a: &str, b: &str) -> bool {
        let same_latin = |x: &GazEntry, y: &GazEntry| !x.ambiguous && !y.ambiguous && !x.latin.is_empty() && x.latin.eq_ignore_ascii_case(&y.latin);
        if let (Some(x), Some(y)) = (self.gazetteer(a), self.gazetteer(b)) {
            return same_latin(x, y);
        }
        if let (Some(x), Some(y)) = (self.nisba_base(a), self.nisba_base(b)) {
            // of countries and regions only: a minor town's "nisba" is more often a family
            // name (المالكي, الملكي)
            let big = |g: &GazEntry| matches!(g.kind, GazKind::Country | GazKind::Region);
            return big(x) && big(y) && same_latin(x, y) && inflection_ending(a) == inflection_ending(b);
        }
        let latin_b: Vec<&str> = self.person_name_latin(b).collect();
        !latin_b.is_empty() && self.person_name_latin(a).any(|l| latin_b.contains(&l))
    }
}

/// The inflectional ending of a word (L1), if it has one: a nisba (ي, يه), a sound plural or
/// dual (ون, ين, ان, ات, also after a nisba: يون, يين, يان, يات). Two spellings whose endings
/// differ are two forms of a word (أمريكي / أمريكا, أميركيان / أمريكيين), not two spellings of
/// one, at least when one of them is an ordinary word.
pub fn inflection_ending(l1: &str) -> Option<&'static str> {
    const ENDINGS: [&str; 10] = ["يين", "يون", "يان", "يات", "يه", "ين", "ون", "ان", "ات", "ي"];
    ENDINGS.iter().copied().find(|e| l1.strip_suffix(e).is_some_and(|stem| stem.chars().count() >= 2))
}

/// The name lists of `data/names/`, parsed once per process.
struct PersonNames {
    given: FxHashMap<&'static str, &'static str>,
    family: FxHashMap<&'static str, &'static str>,
}

fn person_names() -> &'static PersonNames {
    static NAMES: std::sync::OnceLock<PersonNames> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let parse = |text: &'static str| {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split_once('\t'))
                .collect::<FxHashMap<&'static str, &'static str>>()
        };
        PersonNames { given: parse(NAMES_GIVEN), family: parse(NAMES_FAMILY) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each union of lists answers as asking each list would, for every word of every list.
    #[test]
    fn unions_of_lists_answer_as_the_lists() {
        let lex = Lexicon::with_config(&Config::default());
        let all = [PERSON_TITLES, TITLE_MODIFIERS, PLACE_WORDS, ORG_WORDS, PERSON_ROLES, SAYING_VERBS, TEAM_WORDS, STOPWORDS];
        let mut n = 0;
        for w in all.into_iter().flat_map(words).map(l1) {
            let cue = lex.person_titles.contains(&w) || lex.title_modifiers.contains(&w) || lex.place_words.contains(&w) || lex.org_words.contains(&w);
            assert_eq!(lex.is_cue_word(&w), cue, "{w}");
            assert_eq!(lex.is_cue_or_saying(&w), cue || lex.is_saying_verb(&w), "{w}");
            let closed = cue || lex.is_person_role(&w) || lex.is_saying_verb(&w) || lex.is_team_word(&w) || lex.is_org_word(&w);
            assert_eq!(lex.is_closed_class(&w), closed, "{w}");
            n += usize::from(closed);
        }
        assert!(n > 300, "{n}");
    }

    /// The one look-up that lets the organisation reader skip a word answers as the reader's
    /// own tests would, for every listed word, written alone, with the article and after each
    /// proclitic, and for ordinary words.
    #[test]
    fn the_organisation_readers_prefilter_misses_no_reading() {
        let lex = Lexicon::with_config(&Config::default());
        let looked_at = |l1: &str| {
            lex.is_club_cue(l1) || lex.is_team_cue(l1) || lex.is_team_word(l1) || lex.is_org_word(l1) || lex.is_org_head(l1)
                || l1.strip_prefix("ال").is_some_and(|h| lex.is_org_head(h))
        };
        let by_readings = |l1: &str| {
            let mut any = looked_at(l1);
            crate::text::clitics::for_each_split(l1, 3, |_, rest, lil| any = any || looked_at(&if lil { format!("ا{rest}") } else { rest.to_string() }));
            any
        };
        let mut forms = vec!["قال".to_string(), "والرئيس".into(), "بالمدينة".into(), "للسلام".into(), "في".into()];
        for w in [CLUB_CUES, TEAM_CUES, TEAM_WORDS, ORG_WORDS, ORG_HEADS].into_iter().flat_map(words).map(l1) {
            for form in [w.clone(), format!("ال{w}")] {
                crate::text::clitics::for_each_proclitic_form(&form, |f| forms.push(f.to_string()));
                forms.push(form);
            }
        }
        for form in &forms {
            assert_eq!(lex.may_head_org(form), by_readings(form), "{form}");
        }
        assert!(forms.len() > 1000 && forms.iter().filter(|f| lex.may_head_org(f)).count() > 1000);
    }

    /// Every word list of `data/lexicon/`: a header, entries of Arabic letters as printed
    /// (no diacritics, no tatweel), no entry twice under its lookup key.
    #[test]
    fn word_lists_are_clean() {
        let lists = [
            ("stopwords", STOPWORDS),
            ("person_titles", PERSON_TITLES),
            ("person_roles", PERSON_ROLES),
            ("org_heads", ORG_HEADS),
            ("team_words", TEAM_WORDS),
            ("club_words", CLUB_WORDS),
            ("club_cues", CLUB_CUES),
            ("team_cues", TEAM_CUES),
            ("generic_credits", GENERIC_CREDITS),
            ("generic_bodies", GENERIC_BODIES),
            ("statement_nouns", STATEMENT_NOUNS),
            ("title_nouns", TITLE_NOUNS),
            ("open_ends", OPEN_ENDS),
            ("org_name_adjectives", ORG_NAME_ADJECTIVES),
            ("place_cues", PLACE_CUES),
            ("place_heads", PLACE_HEADS),
            ("match_verbs", MATCH_VERBS),
            ("foreign_given_names", FOREIGN_GIVEN_NAMES),
            ("interrogatives", INTERROGATIVES),
            ("title_modifiers", TITLE_MODIFIERS),
            ("place_words", PLACE_WORDS),
            ("saying_verbs", SAYING_VERBS),
            ("org_words", ORG_WORDS),
            ("given_names", GIVEN_NAMES),
            ("full_name_starts", FULL_NAME_STARTS),
            ("short_portfolios", SHORT_PORTFOLIOS),
            ("short_name_heads", SHORT_NAME_HEADS),
            ("name_particles", NAME_PARTICLES),
            ("foreign_suffixes", FOREIGN_SUFFIXES),
            ("letter_names", LETTER_NAMES),
            ("sentence_particles", SENTENCE_PARTICLES),
        ];
        for (name, list) in lists {
            assert!(list.starts_with("# "), "{name}: starts with a header saying what belongs there");
            let mut seen = FxHashSet::default();
            for w in words(list) {
                assert!(w.chars().all(crate::text::normalize::is_arabic_letter), "{name}: «{w}» is not Arabic letters only");
                assert_eq!(crate::text::normalize::l0(w), w, "{name}: «{w}» is not in its printed normal form");
                assert!(seen.insert(l1(w)), "{name}: «{w}» is listed twice (as {})", l1(w));
            }
            // (the stopwords that continue an organisation's name are few by nature)
            let fewest = if name == "org_name_adjectives" { 1 } else { 4 };
            assert!(seen.len() >= fewest, "{name}: empty or truncated");
        }
        // the foreign endings are matched against L1 forms: they must be written in L1
        for w in words(FOREIGN_SUFFIXES) {
            assert_eq!(l1(w), w, "foreign_suffixes: «{w}» is not L1");
        }
        let mut seen = FxHashSet::default();
        for line in entries(PORTFOLIOS) {
            let (arabic, english) = line.split_once('\t').expect("portfolios.tsv: arabic<TAB>english");
            assert!(!english.trim().is_empty() && english.is_ascii(), "portfolios.tsv: «{line}»");
            assert!(seen.insert(l1(arabic)), "portfolios.tsv: «{arabic}» twice");
        }
        assert_eq!(seen.len(), Lexicon::with_config(&Config::default()).portfolios.len());
    }

    #[test]
    fn lists_are_keyed_by_l1() {
        let lx = Lexicon::with_config(&Config::default());
        assert!(lx.is_stopword(&l1("إلى")));
        assert!(lx.is_stopword(&l1("الى")));
        assert!(lx.is_person_title(&l1("الرئيس")));
        assert!(lx.is_given_name(&l1("محمود")));
        assert!(lx.gazetteer(&l1("اذربيجان")).is_some());
        assert!(lx.looks_foreign(&l1("باشينيان")));
        assert!(lx.looks_foreign(&l1("غونتشار")));
        assert!(!lx.looks_foreign(&l1("بيان")));
        assert!(lx.nisba_base(&l1("الأرمينية")).is_some());
        assert!(lx.nisba_base(&l1("الروسي")).is_some());
        assert!(lx.nisba_base(&l1("الأذربيجاني")).is_some());
        assert!(lx.nisba_base(&l1("الإنفصالي")).is_none());
        // Korea is listed by itself, not only as its two countries: كوري is its adjective
        // (رئيس كوري جنوبي), no person
        assert!(lx.country_nisba(&l1("كوري")) && lx.country_nisba(&l1("الكورية")));
    }

    #[test]
    fn irregular_nationality_adjectives_are_nisbas_of_their_country() {
        let lx = Lexicon::with_config(&Config::default());
        for adjective in ["الإنجليزي", "الإنكليزية", "النمساوي", "الأفغانية", "الكازاخي"] {
            assert!(lx.nisba_base(&l1(adjective)).is_some(), "{adjective}");
        }
        assert!(lx.same_name(&l1("الإنكليزي"), &l1("الإنجليزي")), "two spellings of English");
        assert!(!lx.same_name(&l1("الإنكليزي"), &l1("الإنكليزية")), "two forms of the adjective");
    }

    #[test]
    fn lists_say_which_spellings_are_one_name() {
        let lx = Lexicon::with_config(&Config::default());
        let same = |a: &str, b: &str| lx.same_name(&l1(a), &l1(b));
        assert!(same("ميونخ", "ميونيخ"));
        assert!(same("أميركا", "أمريكا"));
        assert!(same("الأميركية", "الأمريكية"));
        assert!(same("ميشيل", "ميشال"));
        assert!(same("ديفيد", "دافيد"));
        assert!(!same("أميركي", "أمريكا"), "a nisba is not its base");
        assert!(!same("الأميركي", "الأمريكية"), "masculine and feminine are two forms");
        assert!(!same("محمد", "محمود"));
        assert!(!same("سعد", "سعود"));
        assert!(!same("النمسا", "ألمانيا"));
        assert!(lx.is_listed_given_name(&l1("ياسر")));
        assert_eq!(inflection_ending(&l1("أمريكي")), Some("ي"));
        assert_eq!(inflection_ending(&l1("أمريكا")), None);
        assert_ne!(inflection_ending(&l1("أميركيان")), inflection_ending(&l1("أمريكيين")));
    }
}
