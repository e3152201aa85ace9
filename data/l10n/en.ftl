# isnad's messages in English (Project Fluent syntax: https://projectfluent.org/).
# Every message here has its Arabic twin in ar.ftl, with the same variables
# (a unit test in src/l10n.rs checks both files and every id the code uses).
# Names arrive already isolated for clients that render bidi isolates; nothing here adds them.

## Kinds of entity

kind-person = person
kind-place = place
kind-organization = organization
kind-other = other

## Diagnostics (a finding's message) and their related information

finding-style = «{ $variant }»: the style guide (isnad.toml) spells it «{ $canonical }»
finding-inconsistent = «{ $variant }»: this corpus writes «{ $canonical }» { $mentions ->
        [one] once
       *[other] { $mentions } times
    } in { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }
finding-orthographic = «{ $variant }»: this corpus writes «{ $canonical }» { $mentions ->
        [one] once
       *[other] { $mentions } times
    } in { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    } (hamza, alef and final-letter forms differ)
related-canonical = canonical spelling «{ $canonical }»

## Code actions

action-replace = Replace with «{ $canonical }»
action-replace-file = Replace all { $count } «{ $variant }» in this file with «{ $canonical }»
action-replace-corpus = Replace «{ $variant }» with «{ $canonical }» in all { $files } files of the corpus
action-accept = Accept «{ $variant }» as a correct spelling

## Hover on a name

hover-spellings = Spellings
hover-short-names = Short names after the full name
hover-spelling-line = { $mentions ->
        [one] 1 mention
       *[other] { $mentions } mentions
    }, { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }
hover-first-mention = First mention
hover-mentioned-in = Mentioned in { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }.
hover-counted-in-first = (Counted in the first { $read } of the { $docs } documents that may name it.)

## Document symbols

symbols-people = People
symbols-places = Places
symbols-organizations = Organizations
symbols-other = Other names

## Hover on a repeated quote

quote-title = **Repeated quote** — { $copies } copies
quote-source-self = This copy is the source: { $doc }
quote-source = Source: { $doc }
quote-speaker = Speaker: { $speaker }
quote-same-words = Same words as the source.
quote-against-source = Against the source: { $added ->
        [one] 1 word added
       *[other] { $added } words added
    }, { $removed } removed
quote-added = added: { $words }
quote-removed = removed: { $words }
quote-and-more = and { $count } more

## Rename

rename-bad-name = the new name must be a non-empty single line

## Messages shown by the server

server-config-ignored = isnad: { $origin }: { $error } (ignored)
server-bad-globs = isnad: { $error }; using the default corpus globs
server-config-defaults = isnad: { $error } (running on defaults)
server-config-unreadable = isnad: cannot read { $path }: { $error } (running on defaults)

## Command line

cli-summary = isnad: { $findings ->
        [one] 1 finding
       *[other] { $findings } findings
    } in { $with } of { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }{ $corpus }, { $words } words, { $seconds } s
cli-summary-clean = isnad: no findings in { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }{ $corpus }, { $words } words, { $seconds } s
cli-against-corpus = { " " }(against a corpus of { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    })
cli-skipped = skipped { $path }: { $reason }
cli-using-defaults = { $path }: { $error }; using defaults
cli-quote-group = group { $n }: { $copies } copies
cli-quote-source = source
cli-quote-copy = copy
cli-quote-unquoted = (unquoted)
cli-quote-words = (+{ $added } −{ $removed } words)
cli-quote-groups = { $groups ->
        [one] 1 reuse group
       *[other] { $groups } reuse groups
    }

## Code lens on a repeated quote, progress of the first index

lens-quote = source: { $source } · { $copies } copies
lens-this-document = this document
progress-scanning = scanning the corpus
progress-analysing = analysing { $count ->
        [one] 1 document
       *[other] { $count } documents
    }
progress-done = { $count ->
        [one] 1 document
       *[other] { $count } documents
    } in { $seconds } s

## isnad explain: why two look-alike spellings are kept apart (the analysis's rules)

why-too-short = too short
why-short-skeleton = too short a skeleton
why-other-letters = neither skeleton nor letters match
why-too-far = too far apart
why-neither-name = neither is a name
why-inflection = an inflectional or proclitic difference
why-different-neighbours = written with different names before or after
why-different-stories = written about different stories
why-article-words = words with the article that are not nisbas of a name
why-no-common-name = two people's names with no given or family name in common
why-given-latin = two listed given names spelt differently in Latin
why-gazetteer-latin = two gazetteer entries with different Latin names
why-full-names = two full names with different given names
why-word-forms-in-names = two forms of one word in the same place of two names
why-family-article = two family names with the article
why-dictionary-words = two dictionary words
why-dictionary-in-names = two dictionary words in the same place of two names
why-kinds = names of different kinds
why-inflected-word = inflected forms of a dictionary word
why-initial-hamza = an initial hamza read i against a
why-vowel-letters = a vowel letter against another between the same consonants
why-no-name-elsewhere = a spelling that is no name, written about other things than the name
why-no-name-not-rarer = a spelling that is no name by itself is not the rarer form
why-rare-elsewhere = a rare spelling in documents about something else
why-proclitic-listed = a proclitic before a listed name
why-place-adjective = a place's adjective against the place
why-split-adjective = a name written in two against the adjective of a name
why-final-o = a name ending in -o and one without it
why-feminine = a name and its feminine
why-given-without-family = a listed given name without a shared family name, or too far
why-function-word = a function word
why-full-name-vs-none = a full name against a spelling that is none
why-final-s-sh = a final s against sh without one given name before both
why-dictionary-no-name = a dictionary word that is no name by its own evidence
why-cue-word = a cue word
why-country-adjective = a country's adjective against a name someone bears

## isnad explain: the evidence that a word is a name

evidence-listed = a listed name
evidence-listed-kind = a listed name ({ $kind })
evidence-after-title = { $n }× after a person's title
evidence-place = { $n }× after a place word or as a place some list gives
evidence-org = { $n }× after an organisation word
evidence-said = { $n }× after a verb of saying
evidence-after-given = { $n }× after a given name
evidence-nisba = { $n }× as a nisba adjective after a title
evidence-person-docs = a person's name read at one mention in { $n } of its { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }
evidence-org-docs = an organisation's name read at one mention in { $n } of its { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }
evidence-foreign = shaped like a foreign name

## isnad explain: the report on one word

explain-head = «{ $word }» (normalised: { $normalised })
explain-dictionary = dictionary
explain-ordinary = an ordinary word
explain-not-ordinary = not an ordinary word
explain-spellings = spellings of the same letters
explain-spelling = { $spelling } ({ $whole } whole, { $prefixed } after a proclitic, in { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    })
explain-none-in-corpus = none in the corpus
explain-evidence = evidence
explain-none = none
explain-is-name = a name
explain-yes = yes
explain-no = no
explain-cluster = cluster
explain-cluster-none = none (not a name)
explain-cluster-value = canonical «{ $canonical }», spellings: { $spellings }
explain-look-alikes = look-alikes
explain-linked = linked
explain-apart = apart: { $why }
explain-entity = entity
explain-entity-value = { $name } ({ $kind }){ $latin }, in { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }; spellings: { $spellings }
explain-entity-spelling = { $spelling } ({ $mentions ->
        [one] 1 mention
       *[other] { $mentions } mentions
    } in { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    })

## Lists

list-separator = { ", " }
list-separator-strong = { "; " }

## isnad report: the corpus page (every visible label)

report-page-title = isnad report
report-heading = Corpus report
report-written-by = Written by isnad { $version } from { $path }
report-totals = Corpus totals
report-documents = Documents
report-words = Words
report-findings = Findings
report-documents-with-findings = Documents with findings
report-variant-clusters = Names spelt more than one way
report-quote-groups = Reprinted quotes
report-outlets = Outlets
report-date-range = Dates
report-no-dates = none
report-outlet = Outlet
report-no-outlets = No document names its outlet (front matter outlet:), so nothing is counted by outlet.
report-no-years = No document gives its date (front matter date:), so nothing is counted by year.
report-year = Year
report-share-with-findings = Share with findings
report-unknown = unknown
report-other = other
report-clusters = Names spelt more than one way
report-clusters-intro = Most inconsistent first: ordered by the number of documents that write a name otherwise than its canonical spelling. Outlet and year columns count documents.
report-no-clusters = No name is spelt more than one way.
report-spelling = Spelling
report-canonical = canonical
report-mentions = Mentions
report-documents-by-outlet = Documents by outlet
report-documents-by-year = Documents by year
report-cluster-summary = Documents with another spelling: { $docs } · mentions: { $mentions }
report-more-clusters = Names not shown: { $n } (fewer documents with another spelling).
report-quotes = Reprinted quotes
report-quotes-intro = Most reprinted first; each from its source (the earliest copy) on, in time order.
report-no-quotes = No quotation is printed in more than one document.
report-group-summary = Copies: { $copies } in { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    }
report-group-dates = from { $first } to { $last }
report-source = source
report-copy = copy
report-undated = undated
report-unquoted = without quote marks
report-speaker = Speaker: { $speaker }
report-words-changed = Words added: { $added }, removed: { $removed }
report-more-copies = Copies not shown: { $n }.
report-more-groups = Quote groups not shown: { $n } (fewer copies).
report-warnings = Warnings
cli-report-written = isnad: report of { $docs ->
        [one] 1 document
       *[other] { $docs } documents
    } ({ $findings ->
        [one] 1 finding
       *[other] { $findings } findings
    }, { $names ->
        [one] 1 name
       *[other] { $names } names
    } spelt more than one way, { $quotes ->
        [one] 1 reprinted quote
       *[other] { $quotes } reprinted quotes
    }) written to { $target } ({ $kb } KB), { $seconds } s
cli-report-stdout = standard output
cli-report-no-output = isnad: report needs an output file: isnad report { $path } -o report.html (-o - writes to standard output)
cli-report-folder = isnad: { $path }: is a folder; give the file to write, e.g. { $example }
cli-report-no-folder = isnad: { $path }: no such folder for the report
cli-report-over-article = isnad: { $path }: a document of the corpus; the report is written to a file of its own
cli-no-such-path = { $path }: no such file or folder
cli-no-command = isnad: no command given; try `isnad check <folder>` or `isnad lsp` (see --help)
