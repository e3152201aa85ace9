# رسائل isnad بالعربية (صيغة Project Fluent: https://projectfluent.org/).
# لكل رسالة هنا نظيرها في en.ftl بالمتغيرات نفسها (يتحقق من ذلك اختبار في src/l10n.rs).
# صيغ الجمع العربية الست: zero (0)، one (1)، two (2)، few (3–10)، many (11–99)، other (100…)،
# وما بعد المئة بباقي القسمة على 100 (103 مقالات، 111 مقالًا). يُختار الشكل بـ PLURAL($n) (src/l10n.rs)
# لا بالعدد مباشرة: قواعد intl_pluralrules 7.0.2 تعطي other لكل عدد من 100 فصاعدًا.
# الأسماء تصل معزولة الاتجاه لمن يعرض علامات العزل؛ لا تضاف هنا.

## أنواع الكيانات

kind-person = شخص
kind-place = مكان
kind-organization = منظمة
kind-other = اسم آخر

## التشخيصات (رسالة الملاحظة) ومعلوماتها المرتبطة

finding-style = «{ $variant }»: دليل الأسلوب (isnad.toml) يكتبه «{ $canonical }»
finding-inconsistent = «{ $variant }»: تكتبه هذه المجموعة «{ $canonical }» { PLURAL($mentions) ->
        [one] مرة واحدة
        [two] مرتين
        [few] { $mentions } مرات
        [many] { $mentions } مرةً
       *[other] { $mentions } مرة
    } في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    }
finding-orthographic = «{ $variant }»: تكتبه هذه المجموعة «{ $canonical }» { PLURAL($mentions) ->
        [one] مرة واحدة
        [two] مرتين
        [few] { $mentions } مرات
        [many] { $mentions } مرةً
       *[other] { $mentions } مرة
    } في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    } (الفرق في الهمزة أو الألف أو الحرف الأخير)
related-canonical = الكتابة المعتمدة «{ $canonical }»

## إجراءات الإصلاح

action-replace = استبدل بـ«{ $canonical }»
action-replace-file = استبدل كل «{ $variant }» في هذا الملف ({ $count }) بـ«{ $canonical }»
action-replace-corpus = استبدل «{ $variant }» بـ«{ $canonical }» في ملفات المجموعة كلها ({ PLURAL($files) ->
        [two] ملفان
        [few] { $files } ملفات
        [many] { $files } ملفًا
       *[other] { $files } ملف
    })
action-accept = اعتمد «{ $variant }» كتابةً صحيحة

## التلميح على اسم

hover-spellings = الكتابات
hover-short-names = الاسم المختصر بعد الاسم الكامل
hover-spelling-line = { PLURAL($mentions) ->
        [one] مرة واحدة
        [two] مرتان
        [few] { $mentions } مرات
        [many] { $mentions } مرةً
       *[other] { $mentions } مرة
    } في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    }
hover-first-mention = أول ذكر
hover-mentioned-in = يرد في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    }.
hover-counted-in-first = (عُدّ في أول { $read } من { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    } قد تذكره.)

## رموز المستند

symbols-people = أشخاص
symbols-places = أماكن
symbols-organizations = منظمات
symbols-other = أسماء أخرى

## التلميح على اقتباس متكرر

quote-title = **اقتباس متكرر** — { PLURAL($copies) ->
        [two] نسختان
        [few] { $copies } نسخ
        [many] { $copies } نسخة
       *[other] { $copies } نسخة
    }
quote-source-self = هذه النسخة هي المصدر: { $doc }
quote-source = المصدر: { $doc }
quote-speaker = القائل: { $speaker }
quote-same-words = الكلمات نفسها التي في المصدر.
quote-against-source = مقارنةً بالمصدر: كلمات مضافة { $added }، محذوفة { $removed }
quote-added = أضيف: { $words }
quote-removed = حذف: { $words }
quote-and-more = و{ $count } غيرها

## إعادة التسمية

rename-bad-name = يجب أن يكون الاسم الجديد سطرًا واحدًا غير فارغ

## رسائل يعرضها الخادم

server-config-ignored = isnad: { $origin }: { $error } (أُهمل)
server-bad-globs = isnad: { $error }؛ تُستعمل أنماط المجموعة الافتراضية
server-config-defaults = isnad: { $error } (تُستعمل الإعدادات الافتراضية)
server-config-unreadable = isnad: تعذّرت قراءة { $path }: { $error } (تُستعمل الإعدادات الافتراضية)

## سطر الأوامر

cli-summary = isnad: { PLURAL($findings) ->
        [one] ملاحظة واحدة
        [two] ملاحظتان
        [few] { $findings } ملاحظات
        [many] { $findings } ملاحظةً
       *[other] { $findings } ملاحظة
    } في { $with } من { $docs } { PLURAL($docs) ->
        [few] مقالات
        [many] مقالًا
       *[other] مقال
    }{ $corpus }، { $words } { PLURAL($words) ->
        [few] كلمات
        [many] كلمةً
       *[other] كلمة
    }، { $seconds } ث
cli-summary-clean = isnad: لا ملاحظات في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    }{ $corpus }، { $words } { PLURAL($words) ->
        [few] كلمات
        [many] كلمةً
       *[other] كلمة
    }، { $seconds } ث
cli-against-corpus = { " " }(ضمن مجموعة من { $docs } { PLURAL($docs) ->
        [few] مقالات
        [many] مقالًا
       *[other] مقال
    })
cli-skipped = تُرك { $path }: { $reason }
cli-using-defaults = { $path }: { $error }؛ تُستعمل الإعدادات الافتراضية
cli-quote-group = المجموعة { $n }: { PLURAL($copies) ->
        [two] نسختان
        [few] { $copies } نسخ
        [many] { $copies } نسخة
       *[other] { $copies } نسخة
    }
cli-quote-source = المصدر
cli-quote-copy = نسخة
cli-quote-unquoted = (دون علامات اقتباس)
cli-quote-words = (+{ $added } −{ $removed } كلمات)
cli-quote-groups = { PLURAL($groups) ->
        [zero] لا مجموعات اقتباس مكرر
        [one] مجموعة اقتباس مكرر واحدة
        [two] مجموعتا اقتباس مكرر
        [few] { $groups } مجموعات اقتباس مكرر
        [many] { $groups } مجموعةً من الاقتباسات المكررة
       *[other] { $groups } مجموعة اقتباس مكرر
    }

## عدسة الشيفرة على اقتباس متكرر، وتقدم الفهرسة الأولى

lens-quote = المصدر: { $source } · { PLURAL($copies) ->
        [two] نسختان
        [few] { $copies } نسخ
        [many] { $copies } نسخة
       *[other] { $copies } نسخة
    }
lens-this-document = هذا المقال
progress-scanning = فحص ملفات المجموعة
progress-analysing = تحليل { PLURAL($count) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $count } مقالات
        [many] { $count } مقالًا
       *[other] { $count } مقال
    }
progress-done = { PLURAL($count) ->
        [one] مقال واحد
        [two] مقالان
        [few] { $count } مقالات
        [many] { $count } مقالًا
       *[other] { $count } مقال
    } في { $seconds } ث

## isnad explain: لماذا تبقى كتابتان متشابهتان منفصلتين (قواعد التحليل)

why-too-short = قصيرة جدًا
why-short-skeleton = هيكلها الحرفي قصير جدًا
why-other-letters = لا يتطابق الهيكل ولا الحروف
why-too-far = متباعدتان جدًا
why-neither-name = ليست أيٌّ منهما اسمًا
why-inflection = فرق في التصريف أو في سابقة متصلة
why-different-neighbours = تُكتبان مع أسماء مختلفة قبلهما أو بعدهما
why-different-stories = تردان في أخبار مختلفة
why-article-words = كلمتان بأل التعريف ليستا نسبة إلى اسم
why-no-common-name = اسما شخصين لا يشتركان في اسم أول ولا اسم عائلة
why-given-latin = اسمان أولان مدرجان يُكتبان بالحروف اللاتينية كتابتين مختلفتين
why-gazetteer-latin = مدخلان في معجم الأعلام باسمين لاتينيين مختلفين
why-full-names = اسمان كاملان باسمين أولين مختلفين
why-word-forms-in-names = صيغتان لكلمة واحدة في الموضع نفسه من اسمين
why-family-article = اسما عائلة بأل التعريف
why-dictionary-words = كلمتان من المعجم
why-dictionary-in-names = كلمتان من المعجم في الموضع نفسه من اسمين
why-kinds = اسمان من نوعين مختلفين
why-inflected-word = صيغتان مصرّفتان لكلمة من المعجم
why-initial-hamza = همزة أولى تُقرأ كسرةً مقابل فتحة
why-vowel-letters = حرف مدّ مقابل آخر بين الحروف الساكنة نفسها
why-no-name-elsewhere = كتابة ليست اسمًا، ترد في موضوعات غير موضوع الاسم
why-no-name-not-rarer = كتابة ليست اسمًا بذاتها ليست الصيغة الأندر
why-rare-elsewhere = كتابة نادرة في مقالات عن موضوع آخر
why-proclitic-listed = سابقة متصلة قبل اسم مدرج
why-place-adjective = صفة نسبة إلى مكان مقابل المكان نفسه
why-split-adjective = اسم مكتوب كلمتين مقابل صفة نسبة إلى اسم
why-final-o = اسم ينتهي بواو (-o) وآخر دونها
why-feminine = اسم ومؤنثه
why-given-without-family = اسم أول مدرج دون اسم عائلة مشترك، أو بعيد جدًا
why-function-word = كلمة وظيفية
why-full-name-vs-none = اسم كامل مقابل كتابة ليست اسمًا كاملًا
why-final-s-sh = سين أخيرة مقابل شين دون اسم أول واحد قبلهما
why-dictionary-no-name = كلمة من المعجم ليست اسمًا بحسب شواهدها
why-cue-word = كلمة دالة (لقب أو صفة)
why-country-adjective = صفة نسبة إلى بلد مقابل اسم يحمله شخص

## isnad explain: شواهد أن الكلمة اسم

evidence-listed = اسم مدرج في القوائم
evidence-listed-kind = اسم مدرج في القوائم ({ $kind })
evidence-after-title = { $n }× بعد لقب شخص
evidence-place = { $n }× بعد كلمة تدل على مكان أو مكانًا في إحدى القوائم
evidence-org = { $n }× بعد كلمة تدل على منظمة
evidence-said = { $n }× بعد فعل قول
evidence-after-given = { $n }× بعد اسم أول
evidence-nisba = { $n }× صفةَ نسبة بعد لقب
evidence-person-docs = اسم شخص في موضع ذكره في { $n } من { $docs } { PLURAL($docs) ->
        [few] مقالات
        [many] مقالًا
       *[other] مقال
    } ترد فيها
evidence-org-docs = اسم منظمة في موضع ذكره في { $n } من { $docs } { PLURAL($docs) ->
        [few] مقالات
        [many] مقالًا
       *[other] مقال
    } ترد فيها
evidence-foreign = على هيئة اسم أجنبي

## isnad explain: تقرير كلمة واحدة

explain-head = «{ $word }» (بعد التوحيد: { $normalised })
explain-dictionary = المعجم
explain-ordinary = كلمة عادية
explain-not-ordinary = ليست كلمة عادية
explain-spellings = كتابات الحروف نفسها
explain-spelling = { $spelling } ({ $whole } منفردة، { $prefixed } بعد سابقة متصلة، في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    })
explain-none-in-corpus = لا شيء في المجموعة
explain-evidence = الشواهد
explain-none = لا شيء
explain-is-name = اسم
explain-yes = نعم
explain-no = لا
explain-cluster = كتابات الاسم
explain-cluster-none = لا شيء (ليست اسمًا)
explain-cluster-value = المعتمدة «{ $canonical }»، الكتابات: { $spellings }
explain-look-alikes = كتابات مشابهة
explain-linked = مربوطة به
explain-apart = منفصلة: { $why }
explain-entity = الكيان
explain-entity-value = { $name } ({ $kind }){ $latin }، في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    }؛ الكتابات: { $spellings }
explain-entity-spelling = { $spelling } ({ PLURAL($mentions) ->
        [one] مرة واحدة
        [two] مرتان
        [few] { $mentions } مرات
        [many] { $mentions } مرةً
       *[other] { $mentions } مرة
    } في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    })

## قوائم

list-separator = { "، " }
list-separator-strong = { "؛ " }

## isnad report: صفحة المجموعة (كل ما يظهر فيها من عناوين)

report-page-title = تقرير isnad
report-heading = تقرير المجموعة
report-written-by = كتبه isnad { $version } من { $path }
report-totals = أرقام المجموعة
report-documents = المقالات
report-words = الكلمات
report-findings = الملاحظات
report-documents-with-findings = مقالات فيها ملاحظات
report-variant-clusters = أسماء تُكتب بأكثر من صورة
report-quote-groups = اقتباسات أعيد نشرها
report-outlets = المنابر
report-date-range = التواريخ
report-no-dates = لا شيء
report-outlet = المنبر
report-no-outlets = لا يذكر أي مقال منبره (outlet: في رأس الملف)، فلا عدّ حسب المنبر.
report-no-years = لا يذكر أي مقال تاريخه (date: في رأس الملف)، فلا عدّ حسب السنة.
report-year = السنة
report-share-with-findings = نسبة ما فيه ملاحظات
report-unknown = غير معروف
report-other = غير ذلك
report-clusters = أسماء تُكتب بأكثر من صورة
report-clusters-intro = الأكثر اضطرابًا أولًا: بحسب عدد المقالات التي تكتب الاسم بغير كتابته المعتمدة. أعمدة المنابر والسنوات تعدّ المقالات.
report-no-clusters = لا اسم يُكتب بأكثر من صورة.
report-spelling = الكتابة
report-canonical = المعتمدة
report-mentions = مرات الذكر
report-documents-by-outlet = المقالات حسب المنبر
report-documents-by-year = المقالات حسب السنة
report-cluster-summary = مقالات بكتابة أخرى: { $docs } · مرات الذكر: { $mentions }
report-more-clusters = أسماء لم تُعرض: { $n } (في مقالات أقل بكتابة أخرى).
report-quotes = اقتباسات أعيد نشرها
report-quotes-intro = الأكثر نشرًا أولًا؛ كلٌّ من مصدره (أقدم نسخة) فما بعده، بترتيب الزمن.
report-no-quotes = لا اقتباس منشور في أكثر من مقال.
report-group-summary = النسخ: { $copies } في { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    }
report-group-dates = من { $first } إلى { $last }
report-source = المصدر
report-copy = نسخة
report-undated = بلا تاريخ
report-unquoted = دون علامات اقتباس
report-speaker = القائل: { $speaker }
report-words-changed = كلمات مضافة: { $added }، محذوفة: { $removed }
report-more-copies = نسخ لم تُعرض: { $n }.
report-more-groups = مجموعات اقتباس لم تُعرض: { $n } (نسخها أقل).
report-warnings = تنبيهات
cli-report-written = isnad: كُتب تقرير { PLURAL($docs) ->
        [one] مقال واحد
        [two] مقالين
        [few] { $docs } مقالات
        [many] { $docs } مقالًا
       *[other] { $docs } مقال
    } ({ PLURAL($findings) ->
        [one] ملاحظة واحدة
        [two] ملاحظتان
        [few] { $findings } ملاحظات
        [many] { $findings } ملاحظةً
       *[other] { $findings } ملاحظة
    }، أسماء تُكتب بأكثر من صورة: { $names }، اقتباسات أعيد نشرها: { $quotes }) في { $target } ({ $kb } ك.ب)، { $seconds } ث
cli-report-stdout = المخرج القياسي
cli-report-no-output = isnad: يحتاج التقرير إلى ملف يُكتب فيه: isnad report { $path } -o report.html (‎-o -‎ يكتبه في المخرج القياسي)
cli-report-folder = isnad: { $path }: مجلد؛ اذكر الملف الذي يُكتب فيه، مثل { $example }
cli-report-no-folder = isnad: { $path }: لا مجلد بهذا الاسم للتقرير
cli-report-over-article = isnad: { $path }: مقال من المجموعة؛ يُكتب التقرير في ملف خاص به
cli-no-such-path = { $path }: لا ملف ولا مجلد بهذا الاسم
cli-no-command = isnad: لم يُذكر أمر؛ جرّب `isnad check <المجلد>` أو `isnad lsp` (انظر --help)
