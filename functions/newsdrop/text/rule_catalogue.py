"""Every rule name the cleaner can record, with why it decides as it does (make eval --rules, the docs' table)."""

from __future__ import annotations

from newsdrop.text.rules import RULES

# Rules the cleaner applies by a line's position and neighbours rather than its own text. Names are
# stable: they are stored with every line decision and shown by the API and the CLI.
STRUCTURAL_RULES: dict[str, str] = {
    "news_id": 'A "News ID: 425867" line carries the outlet\'s id of the story: metadata, not text.',
    "bundle_chrome": "A line repeated across several articles of one bundle is that site's chrome.",
    "link_list": 'Short unpunctuated lines under a "Related"/"Most popular" heading link to other pages.',
    "repeated_line": "A sentence-long line printed three or more times is a template (gallery caption, promo).",
    "comment_section": "Everything after a comment form that follows the article is reader comments.",
    "article_region": "A line inside the densest run of prose (or the extractor's main content) is the article.",
    "crosshead": "A short heading-like line inside the article, followed by prose, is a subheading.",
    "name_caption": "A short Title-Case name that the next paragraph repeats labels a picture.",
    "preformatted": "A line the page's markup prints in a code block (<pre>) inside the extractor's main content"
    " is code, not page chrome: it is kept whatever the line rules would say.",
    "colon_list": 'Lines printed directly under a last paragraph ending in ":" are the list it introduces.',
    "headline": "The best-scored line above the article (length, shape, repeats, overlap with the lead).",
    "title_hint": "The title the bundle states next to the text (JSON/CSV field or the HTML <h1>).",
    "title_repeat": "A later printing of the headline (page title, breadcrumb, share text).",
    "title_with_site": 'The headline with the site name ("Headline | Site"): the page <title>.',
    "standfirst": "The sentence right under the headline, printed once and not the headline again, opens the"
    " story although it stands above the byline.",
    "kicker": 'A short line ending in ":" right above the article is the story\'s kicker (rubric).',
    "date_line": "A short line above the article that prints a date is the dateline, metadata.",
    "header_chrome": "Other lines above the article are the page header: menus, section names, teasers.",
    "above_headline": "In an extractor's main content, a prose line above a headline printed inside it is"
    " the story's opening, not page header: the extractor already cut the header away.",
    "trailing_chrome": "Lines after the article's last paragraph are page footer and widgets.",
    "author_box": "One of the story's last paragraphs that opens with the writer's name (from the byline or a"
    ' name line just above it) or follows an "About the author" heading is the site\'s author box.',
    "trailing_island": "After the line model, a line or three kept below the story past two or more dropped"
    " lines, with under 12 % of the story's text, is a teaser, author box, pitch or comment.",
    "far_island": "After the line model, text kept below the story past 18 or more dropped lines, most of them"
    " region lines the model rejected (a feed, a thread, a second story, a footer), with under 60 % of the story's"
    " text, is not the story.",
    "footer_line": "After the line model, a line it kept against the rules past the rules' region, alone (no kept"
    " line within 2 lines), with 18 or more dropped lines above it and under 20 % of the other kept text, is"
    " another page's blurb or a notice in the site's footer, not the story.",
    "closing_notice": "After the line model, the story's last line, when short and it speaks of the site"
    " (newsletter, subscription, paywall, advertising words; not privacy or consent words alone), is the site's"
    " notice, not the story.",
    "app_pitch": "After the line model, the story's last line, when short and it names an app and a platform"
    ' or store to get it from ("download our apps for iOS and Android"), is the site\'s pitch for its app.',
    "embedded_post": "After the line model, a line it dropped right above a social post's attribution (\"— Name"
    " (@handle) July 3, 2019\"), with the story's kept lines right above it and below the attribution, is the"
    " post the story embeds: kept.",
    "inner_list": "After the line model, a line of 4 or more words closing on a colon that it dropped right under"
    " the story's kept line (no related label, no lead-in to further reading, no kicker's bar), over 1-12 lines it"
    " dropped too (no meta row's bars, no box heading, no shop's button), with the story's kept line right under them, is a list the"
    " story introduces and goes on under: lead-in and items kept; so is one closing the story right over the page's"
    ' related label ("Ähnliche Beiträge"), and one whose lead-in stands under a section heading it dropped (at most 8'
    " words, no stop, colon or bar, right under the story's kept line): the heading is kept with it.",
    "heading_pair": "After the line model, two kept headline-like lines of 3 or more words (not opening in lower"
    " case) printed as one block, with kept paragraphs a blank line above and below, are a related box's or a"
    " share row's links, not crossheads: a crosshead stands alone over its prose.",
    "headline_link": 'After the line model, a kept paragraph line that reads as a headline in its "Subject:'
    ' statement" form (3 or more words before the colon, under 20 words, no sentence end), with a paragraph'
    " ending its sentence as the kept line above and a crosshead as the kept line below, is another page's"
    " headline the story links, not a crosshead.",
    "related_run": "After the line model, three or more kept headline-like lines (under 20 words, no sentence"
    ' end or closing colon) within 12 lines under a "Related" / "Mehr zum Thema" label list other pages.',
    "dated_run": "After the line model, three or more kept lines in a row that each open with a date (with an"
    ' archive\'s "January 2020" headings among them) are a feed of teasers or archive entries, not the story.',
    "post_meta_row": "After the line model, a kept line that opens with two dates in a row and ends no sentence"
    ' ("20. April 2017 13. Juni 2017 Author Tag, Tag") is a blog theme\'s meta row (published and updated dates,'
    " author, tags) or an archive's date range, not the story.",
    "short_post": "After the line model, where no line is kept, up to 6 lines under the headline and its date,"
    " byline or repeat that the header rules or the model dropped for their place, closed right under them by a"
    ' share label ending in ":" or a share or comment row, are a post too short for a prose region: kept.',
    "post_over_form": "After the line model, up to 6 lines under the headline and its date, byline or repeat (the"
    " date up to 12 lines under the headline, past a blog's menu), kept or dropped for their place and closed"
    ' right under them by a share label ending in ":" or a share or comment row, with nothing kept above them and'
    " a comment form's row 12 or more lines under that close before any kept line: the post, its dropped lines"
    " kept.",
    "below_post_form": "After the line model, where `post_over_form` takes a post, the lines kept below its comment"
    " form (a sidebar's news feed, a tag cloud, the form's account lines): comments and sidebar, not the story.",
    "related_label": 'After the line model, a kept label that titles other pages\' headlines ("Mehr zum Thema",'
    ' "Lesen Sie auch", "Related articles", an icon font\'s name before it or not) is no part of the story.',
    "story_hole": "After the line model, a line it dropped alone between two kept lines, printed once on the"
    " page, with no notice words, no pipe, at most 3 digits, no slash closing its first word (a picture"
    ' credit, "PAP/ Name") and not a person\'s caption ("Jane Doe, speaking at a conference"), is the story\'s'
    " crosshead or list item: kept.",
    "kept_repeat": "After the line model, a kept paragraph of 6 or more words that a kept line above already"
    " printed (a teaser, summary box or caption printing it again, a pitch under each widget) is dropped.",
    "lead_under_headline": "After the line model, the sentence under the headline's byline, date or picture"
    " credit, printed once (or again only as the story's own teaser, under the headline printed again) and not"
    " the headline again, opens the story although it stands in the header.",
    "header_hole": "After the line model, a header line alone between two header paragraphs the model kept"
    " (the region started below the story's opening), printed once, with no notice words, no pipe, at most"
    " 3 digits and no slash closing its first word, is the story's crosshead.",
    "skipped_story": "After the line model, the prose the region's start skipped as a standfirst (above a byline,"
    " date or share row) is the story when it holds more text than everything kept below the marker: the"
    " marker was the story's closing share row.",
    "comment_column": "After the line model, a comment section opened by a bare one-word comment field that is"
    " the last of 1-8 short cells (6 words or fewer, no sentence) under a line ending in a colon is a table's"
    ' "Comment" column: where 2 or more paragraphs of 20+ words and no thread row (a reply button, "Name says:",'
    " a short dated line) or comment opener stand under it, the lead-in, the cells and the lines the section or"
    " the region's end dropped down to the last such paragraph are the story.",
    "counted_teasers": 'After the line model, a comment section opened by a comment counter ("Kommentare: 49,'
    ' Empfehlungen: 24", "Comments: 3") that 1 or more further counters follow, with no line of 20+ words and'
    " no thread row between them, is a teaser box's items: the paragraphs of 20+ words right under its last"
    " counter are the story resuming.",
    "standfirst_notice": "After the line model, a standfirst that names the site's cookies, consent, JavaScript"
    " or browser is the site's notice, not the story's opening.",
    "aside": "After the line model, an author box under its heading, a picture credit, an agency's or picture's"
    ' signature alone on its line ("aja/PAP", "iStock/Name"), a disclaimer or affiliate disclosure, a reading'
    " time, a tag list (under its label or on the label's line) or a browser's push-notification prompt kept"
    " inside the story is the site's aside.",
    "gallery": "After the line model, a picture gallery's slides (3 or more lines opening with counters of one"
    ' count numbered one after another, "12/50 ...", "3 of 8 ...") and the lines between them, up to the last'
    " slide's end, are other pictures' titles and captions, not the story.",
    "slideshow": "After the line model, where nothing is kept once the `gallery` stage dropped a gallery's slides,"
    " the gallery was the story (a slideshow page): its lines of 8 or more words ending a sentence, dropped by"
    " that stage or the model, are kept.",
    "numbered_run": "After the line model, a numbered list printed line by line (5 or more consecutive lines opening"
    ' with running numbers of 3 or more values, each the one above or the next, "53", "53A", "54") that the page'
    " keeps half of or more: the entries the model or the island stages dropped, and the line right under the list"
    " an island stage dropped, are the story's; so are the entries under numbers alone on their lines running up"
    ' one by one at most 4 lines apart ("86." over a paper\'s reference), 5 or more, half of them kept.',
    "rejoined_island": "After the line model, a line `trailing_island` or `far_island` dropped that stands fewer than"
    " 2 dropped lines under a kept line (a numbered section's heading or a list's entry a later stage took back"
    " over the island's gap), or under one taken back so, continues the story: kept.",
    "ticker_entry": 'After the line model, on a live ticker (5 or more minute stamps alone on their lines, "14\'",'
    ' "90+3\'") whose sentences the page mostly keeps, the sentences of 4 or more words from the line over the'
    " first stamp to the line under the last that the model or the island stages dropped (the match's first"
    " minutes at the page's bottom) are the story's.",
    "numbered_section": "After the line model, a dropped heading of the story's numbered sections (3 or more lines"
    ' opening "1.", "2.", ... one after another, standing 2 or more lines apart, with a kept line among them or'
    " starting at most 10 lines under the story's last kept line; not a comment or a link list) is the story's.",
    "ingredient_list": "After the line model, a recipe's ingredient list (3 or more short lines opening with a"
    ' quantity, 2 or more with a unit: "200 g Zucker", "1 TL Zimt") ending at most 30 lines above the story or'
    " standing among its kept lines, with its parts' colon headings and the recipe's time and yield lines, is the"
    " story's.",
    "signup_box": "After the line model, the kept line of at most 40 words right above a newsletter form's e-mail"
    ' field ("E-Mail-Adresse", "Your email") and the heading-like kept lines above it are the sign-up box, not the'
    " story.",
    "author_bio": "After the line model, one of the story's last two kept lines that names a person and their"
    ' writer\'s trade ("Jane Doe is a freelance journalist ...", "... ist freie Journalistin") is the writer\'s bio,'
    " not the story.",
    "smoothed_hole": "After the line model, a sentence its smoothing dropped (the line's own score kept it), with"
    " a kept line at most 3 lines above and one at most 3 lines below and no notice words, is inside the story:"
    " kept (a caption, a player's label or an app's pitch ends in no full stop).",
    "related_link": "After the line model, the one kept headline-like line right under a related-links label"
    ' ("Lesen Sie auch", "Keep Reading"), with no second headline-like kept line after it, is another page\'s'
    " headline linked from the story.",
    "lead_into_region": "After the line model, when no standfirst stands under the headline's byline or date, the"
    " line at most 2 lines above the story's text under them, printed once, of 4 or more words and no clock time,"
    " a sentence, a colon lead-in or a long clause (not a caption, a header row, a credit or a byline), or a"
    " reviewed work's credit (\"The Garden · Derek Jarman (1990)\", even printing the headline's words), opens the"
    " story.",
    "lead_over_byline": "After the line model, a sentence of 12 or more words printed once right above the"
    " story's byline (no blank line between), the byline at most 6 lines above the story's text, that the header"
    " rules or the model dropped, is the story's standfirst (where the page view read another line as headline).",
    "paragraph_head": "After the line model, at most 6 lines above the story's text, a sentence of 12 or more words printed once"
    " that the header rules dropped right above (no blank line between) a sentence the line model kept as body is the first line of"
    " the same paragraph: a standfirst split over two lines.",
    "teaser_block": "After the line model, 3 or more kept lines printed as one block (no blank line between"
    ' them) at most one blank line under a related-links label ("Lesen Sie auch", "Related coverage"), where the'
    " story's last kept lines above the label stand a blank line apart, are other pages' teasers.",
    "quoted_lines": "After the line model, 3 or more lines the model dropped, printed as one block (no blank"
    " line between them) that opens with a quotation mark and closes it only at its last line's end, with the"
    " story's kept lines at most one blank line above and below, are a quotation set line by line in the story"
    " (verse, a song's lines): kept.",
    "pitch_tail": "After the line model, the last kept lines that speak to the reader (a second-person pronoun,"
    " no quotation marks) with a newsletter, subscription, advertising or billing word among them, at most 4"
    " lines and under 40 % of the kept text with 3 or more kept lines above, are the site's pitch, not the story.",
    "pitch_inset": "After the line model, up to 4 kept lines speaking to the reader with a site's word among them,"
    " set into the story between dropped lines or under a heading with such a word, are the site's pitch; so are"
    ' lines speaking to the reader under a short sign-up heading ("Email Newsletter") without a site word.',
    "closing_credit": "After the line model, a kept line under the story's first that ends in a picture's credit"
    ' ("Foto: Agency/Name", "AP Photo/...", "(REUTERS)") after a few words of its own is the picture\'s caption,'
    " not the story.",
    "machine_summary": "After the line model, the notice that a summary, translation or audio was made by a"
    " machine, and the tight block of summary lines beside it, are the site's, not the story.",
    "paywall_cut": "After the line model, a kept notice that the rest of the story is for subscribers goes, and"
    " the paywall's few kept rows under it (12 or fewer) with it.",
    "offer_box": "After the line model, up to 8 short kept lines between two dropped lines that both name a"
    " subscription or newsletter offer are the site's offer box, not the story.",
    "credit_alone": "After the line model, a kept line of 8 words or fewer that is a picture's credit alone"
    ' ("© Name", "Foto: Name", an agency and a name after a slash: "PAP/ Name") is no part of the story.',
    "dated_card": "After the line model, two or more cards printed one right under the other, each a dropped"
    ' short date line ("04.11.2021 Artikel") over 1-2 kept lines (a title, a blurb), are other pages\' teasers'
    " set in the story, not its text.",
    "under_credit": "After the line model, a kept line of up to 200 characters between the story's kept lines,"
    ' printed flush under a dropped credit line ("© Name", "Foto: Name", 8 words or fewer) and standing alone,'
    " is the picture's caption, not the story.",
    "host_credit": "After the line model, a kept line of up to 15 words that credits the blog's host (its offer"
    ' of a free site or blog, "Blog at X", "Powered by X", "Bloggen auf X") is the theme\'s footer, not the story.',
    "placed_caption": "After the line model, a kept line of up to 450 characters below the first kept line that"
    ' names the people in a picture by their place in it ("from left", "second right", "(v.l.)", "de'
    " izquierda a derecha\") is the picture's caption, not the story.",
    "story_copy": "After the line model, a kept line of 1000 characters or more that holds 3 or more of the other"
    " kept lines verbatim, making up 95% of it, is the page's second copy of the story, run together on one line.",
    "user_list": "After the line model, a kept line of 20 or more comma-separated items, most of them single"
    " tokens shaped as user names (digits, underscores, inner capitals, lower-case), is the site's list of users"
    " who left kudos, likes or follows.",
    "player_notice": "After the line model, a kept line of up to 300 characters that is a media player's or an"
    " embed's own text (the video failed to load or is not available in the region, the player's dialog or"
    " resolution menu or text-track menu, needs JavaScript, a consent switch for another platform's content)"
    " goes, and so does a paragraph of up to 600 characters that opens with such a consent switch.",
    "affiliate_notice": "After the line model, a kept line of 6-80 words below the first kept line in which the"
    " site says it earns a commission on sales through its links (or names them affiliate or partner links) is"
    " its disclosure, not the story; as the first kept line it opens a deals post.",
    "browser_notice": "After the line model, in an HTML main content, a kept line of at most 60 words in which"
    ' the site tells the reader their browser is out of date or unsupported ("You are using a browser version'
    ' with limited support", "update your browser"), with the lines its sentence is wrapped onto, goes.',
    "legal_notice": "After the line model, a kept line of at most 60 words reserving the publisher's rights or"
    ' forbidding reuse ("All rights reserved", "may not be published, broadcast, rewritten"), or a line naming'
    ' cookies where the site speaks of its own ("these cookies", "our website", "we use"), or an unquoted line'
    ' disowning its authors\' opinions ("Opinions expressed are solely those of the author"), or a whole line of'
    " at most 16 words naming a trademark's owner or the copyright of its posters (\"X is a registered trademark"
    ' of Y"; only this kind in an HTML main content), is its legal notice.',
    "comment_notice": "After the line model, a kept line of 6-120 words that names the reader comments and says"
    " how they are run (whose opinion they are, who answers for them, their policy, moderation, closed, their"
    " feed, that the reader must log in or confirm a display name to write one), with at most one kept paragraph of 20+ words below it, is the site's notice on its comments.",
    "donation_pitch": "After the line model, a kept line of 5-120 words among the kept text's last three that"
    " speaks to the reader (a second-person word, no quotation) and names a donation or asks support for the"
    ' site\'s own work ("support us", "unterstützen Sie uns") is the site\'s plea, not the story.',
    "run_on_menu": "After the line model, a kept line of 30 or more words with at most 2 sentence marks, commas"
    " after at most 5 % of its words, 80 % of its words capitalised or numbers and at most 10 % symbols is a"
    " menu, select box or tag cloud printed as one line, not the story.",
    "share_row": "After the line model, a kept line of at most 80 words that names 3 or more different networks"
    " (Facebook, X, LinkedIn, WhatsApp, e-mail, ...) and ends no sentence is a row of share buttons printed as one line.",
    "near_repeat": "After the line model, a kept line of 10 or more words whose words a kept line above already"
    " printed with other spacing or punctuation (no code: no name right before a bracket) is the page's second"
    " copy of that paragraph.",
    "dated_teaser": "After the line model, 2 or more runs of at most 2 kept lines (no dropped line between) below"
    " the story's island (the largest), each right under a dropped line of at most 5 words that prints a date or"
    " a clock time alone (\"14:10\"), are other pages' teaser blurbs or a ticker's entries (headline, stamp,"
    " blurb), however long each blurb.",
    "thread_post": "After the line model, 2 or more runs of kept lines (no dropped line between) below the"
    " story's island (the largest), each right under a dropped line of at most 14 words that prints a date (a"
    ' comment\'s "Name · date" header) and right over a dropped thread row ("Reply", "Antworten", "Name says:")'
    " or the comment form's first line, are reader comments.",
    "kicker_teaser": "After the line model, 3 or more kept lines below the story's island (the largest), each at"
    " most 3 lines below the previous, that open with a kicker of 4+ letters all in capitals closed by a dash"
    ' within 40 characters ("DÉCRYPTAGE - ...", "REPORTAGE - ...") are a list of other pages\' teasers: its kept'
    " lines from the first kicker's headline (the kept line right above it) to the last kicker go.",
    "more_link": 'After the line model, a kept line of 5 or more words closing on a "more" link\'s bare word after'
    ' its last stop ("... erläutert Hintergründe. mehr", "... the vote. More ›") is another page\'s teaser blurb.',
    "counted_item": 'After the line model, 3 or more lines of at most 60 characters that count comments ("200'
    ' Comments. Click to view comments", "Kommentare (12)"), each at most 12 lines below the previous, mark a'
    " stream of other pages' teasers: the kept lines from its first counter to its last go.",
    "interleaved_hole": "After the line model, a line the model (not a named rule) dropped between two printings of"
    ' one dropped label the page prints 5+ times (an ad slot\'s "Article content" between every two paragraphs),'
    " with kept lines over and under the labels (at most 2 on each side), printed once, with no notice stem, pipe"
    " or credit, is the story's crosshead or line: story_hole read across the label.",
    "ad_heading": "After the line model, a kept crosshead with the site's advertisement label right under it (no"
    " line between; not closing on a colon) is the site's insert (a link to its live page, a caption), not the"
    " story's heading: a crosshead opens the prose under it.",
    "echoed_heading": "After the line model, a kept heading of at most 8 words the page prints again further down,"
    " where that printing is dropped, is a label the site sets into the story more than once (an ad slot's"
    ' "Scroll to continue", a box\'s "Show more" toggle, a source credit); a crosshead printed earlier only (a'
    " table of contents) stays.",
    "dangling_heading": "After the line model, the page's last kept line, at most 8 words and 60 characters, not"
    " ending a sentence or opening a list, with a dropped line of 8+ words right under it, 3+ kept lines above it"
    " and no byline or date within 4 lines under it: a box's heading whose text was dropped (a pitch, the next"
    " story, a bio); a heading closes no story.",
    "related_card": "After the line model, under the first related-links label where every kept line down to"
    " the page's end stands alone (a dropped line right under each), 2 or more of them, fewer than the kept"
    " lines above the label, none followed by a dropped line that also follows a story paragraph above (an ad"
    " slot's label): other pages' cards, their title or blurb kept here and there.",
    "series_note": "After the line model, a kept line of at most 25 words that opens on the editor's note that"
    ' the story is a numbered part of a series or part of a named one ("This is part 2 of", "Dies ist Teil 2'
    ' zum Text", "Este artículo forma parte de la serie") is the site\'s note, not the story.',
    "retold_heading": "After the line model, a kept heading within 6 lines under the kept heading above it that"
    " shares 5+ words of 3+ letters with it, and half the shorter one's, retells it in other words: the title of"
    " a video or a box the site sets under the section's crosshead, not the story's next section.",
    "second_story": "After the line model, the page's next story under the first: 2 or more lines of at most"
    " 12 words among the 16 under the headline (its printing over the story's region), each printed exactly"
    " twice on the page, printed again within 12 lines of one another right under a run of at most 12 dropped"
    " lines that holds a new date line of the shape of the header's dropped date line (digits masked), with"
    " 400+ kept characters above and below, open its header: its headline, standfirst and caption (as many"
    " lines over the run as the first story's over its first dropped line, at most 4) and every kept line"
    " under them go.",
    "link_card": "After the line model (last), a kept line of at most 80 words that is one phrase of 4+ words with"
    " letters printed three or more times back to back, or twice if it holds 6+ words (the last printing may be"
    " cut), is an embedded link card's title, and the kept line right under it its blurb when cut with an"
    ' ellipsis and at most 4 words after it ("… Read more").',
    "cjk_headline_island": "After the line model (text views, before link_card), an island of 3 or more kept lines below"
    " the story, every one a line of at most 60 characters, half or more of them kana or Han, not ending in a full"
    " stop (its ！ or ？ is a hook), is a list of other pages' Japanese or Chinese headlines.",
    "menu_line": "After the line model, a kept line above the headline whose lines right above and right below"
    " are both dropped menu or header lines (header_chrome, link_list, navigation) is the site's: a menu entry's"
    " description or a header notice the model kept for its sentence shape; not over a comment counter or a"
    " date line within 2 lines under it (a standfirst over its header's furniture).",
    "teaser_tail": "After the line model, 2 or more teasers closing the kept text, each a paragraph of 6-50 words"
    " in at most 4 sentences right under a headline of 4-22 words with no sentence end (no list numbers), past"
    " 4 or more dropped lines in a row below the story, with the story 1.5 times their text, list other pages.",
    "repeated_label": "In an HTML main content, a kept table row or label (at most 8 words, no sentence end, no"
    " comma) that repeats the kept line right above it (no code) is printed twice by the page: a sticky table"
    " header's second printing goes, and a label's both (a box's title and its link; a story never repeats one).",
    "menu_row": "In an HTML main content, a kept table row among those that open or close the kept text, of 4 or"
    " more cells that are each a label of at most 4 words, or of 8 or more words 60 % capitalised run together"
    " (no digit, no sentence mark), is the site's menu: a page laid out in a table gives the extractor its menu"
    " rows with the story's cell.",
    "tag_tail": "In an HTML main content, 3 or more kept list items of at most 3 words (no sentence end, no colon)"
    " that close the kept text right under a paragraph ending a sentence (no lead-in, no heading) are the page's"
    " topic tags.",
    "stamp_line": "In an HTML main content, a kept line of at most 14 words that opens with a publication"
    ' stamp\'s label ("posted on", "Updated", "Veröffentlicht am", "Mis à jour le") and prints a date, without a'
    ' sentence\'s end after a word ("... by Jane Doe." is the post\'s own line; "a.m." closes a stamp), is the'
    " story's dateline, metadata.",
    "default": "A line no rule decided stays in the body (nothing is dropped without a named reason).",
    "line_model": "The learned line scorer (make train) overruled the rules' keep-or-drop verdict; the rule is"
    " recorded as line_model:<feature>, the feature that pushed hardest towards the decision.",
}


def rule_catalogue() -> dict[str, str]:
    """Every rule name the cleaner can record, with why it decides as it does."""
    return {**{rule.name: rule.why for rule in RULES}, **STRUCTURAL_RULES}
