// newsdrop /review: what cleaning did to each bundle and article. Plain browser JavaScript, no build step, no
// network access beyond this API. Every value from the API is put in the page as text (textContent), never as HTML.
"use strict";

(function () {
  const { KEY_STORE, storedKey, el, link, table, fmt, untitled, problem, api } = reviewKit;
  const BUNDLE_PAGE = 25;
  const ARTICLE_PAGE = 50;
  const GROUP_PAGE = 20;
  // Roles whose lines carry metadata: highlighted in the source and in the clean result alike.
  const META_ROLES = ["title", "date", "source", "byline"];
  const view = document.getElementById("view");
  let generation = 0; // bumped on every navigation, so late answers of an old view are dropped

  // --- the API key, kept like Swagger UI's Authorize (read by review-kit.js's storedKey) ----------------------
  function showKeyState() {
    const key = storedKey();
    document.getElementById("key-state").textContent = key ? "key set (" + key.slice(0, 4) + "…)" : "no key yet";
    document.getElementById("key-input").value = "";
  }

  document.getElementById("key-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const value = document.getElementById("key-input").value.trim();
    if (value) localStorage.setItem(KEY_STORE, value);
    showKeyState();
    route();
  });
  document.getElementById("key-clear").addEventListener("click", function () {
    localStorage.removeItem(KEY_STORE);
    showKeyState();
    route();
  });

  function setView(...nodes) {
    view.replaceChildren(...nodes.filter((node) => node !== null && node !== undefined && node !== false));
  }

  // Previous/next over an API list: cursors of the pages seen so far, so Previous needs no cursor of its own.
  function pager(render, fetchPage, pageSize, what) {
    const cursors = [null];
    let index = 0;
    const box = el("div", { class: "pager-box" });
    const status = el("span", { class: "pager-status" });
    const prev = el("button", { type: "button", class: "prev" }, "◀ Previous");
    const next = el("button", { type: "button", class: "next" }, "Next ▶");
    const bar = el("div", { class: "pager" }, prev, status, next);
    const mine = generation;
    async function load() {
      prev.disabled = next.disabled = true;
      status.textContent = "loading…";
      let page;
      try {
        page = await fetchPage(cursors[index]);
      } catch (error) {
        box.replaceChildren(problem(error.message));
        status.textContent = "";
        return;
      }
      if (mine !== generation) return;
      cursors[index + 1] = page.next_cursor;
      const first = index * pageSize + 1;
      status.textContent =
        page.items.length === 0
          ? "page " + (index + 1) + ": no " + what
          : "page " + (index + 1) + " · " + what + " " + first + "–" + (first + page.items.length - 1);
      prev.disabled = index === 0;
      next.disabled = !page.next_cursor;
      box.replaceChildren(render(page.items));
    }
    prev.addEventListener("click", () => {
      index -= 1;
      load();
    });
    next.addEventListener("click", () => {
      index += 1;
      load();
    });
    load();
    return el("div", {}, bar, box);
  }

  // --- views ---------------------------------------------------------------------------------------------------
  function countsText(counts) {
    if (!counts) return "–";
    return ["members", "articles", "new", "duplicates", "skipped", "failed"]
      .filter((name) => counts[name] !== undefined)
      .map((name) => name + " " + counts[name])
      .join(" · ");
  }

  function statusBadge(status) {
    return el("span", { class: "status status-" + String(status || "").toLowerCase(), text: fmt(status) });
  }

  function bundlesView() {
    const rows = (items) =>
      items.length === 0
        ? el("p", { text: "No bundles yet: drop one (cp FILE drop/, or newsdrop drop FILE)." })
        : table(
            ["received", "object key", "status", "format", "counts"],
            items.map((b) =>
              el(
                "tr",
                {},
                el("td", { class: "nowrap", text: fmt(b.received_at) }),
                el("td", {}, link("/bundle/" + encodeURIComponent(b.bundle_id), fmt(b.key), { class: "bundle-link" })),
                el("td", {}, statusBadge(b.status)),
                el("td", { text: fmt(b.format) }),
                el("td", { class: "counts", text: countsText(b.counts) })
              )
            ),
            { class: "bundles" }
          );
    setView(
      el("h1", { text: "Bundles" }),
      el("p", { class: "hint", text: "Newest first. Open a bundle to see its members, errors, learned chrome and near-duplicates." }),
      pager(rows, (cursor) => api("/bundles", { limit: BUNDLE_PAGE, cursor }), BUNDLE_PAGE, "bundles")
    );
  }

  async function bundleView(bundleId) {
    setView(el("p", { text: "loading bundle…" }));
    const mine = generation;
    let bundle;
    try {
      bundle = await api("/bundles/" + encodeURIComponent(bundleId));
    } catch (error) {
      setView(link("/", "← all bundles"), problem(error.message));
      return;
    }
    if (mine !== generation) return;
    const facts = [
      ["object", "s3://" + fmt(bundle.bucket) + "/" + fmt(bundle.key)],
      ["bundle id", bundle.bundle_id],
      ["format", bundle.format],
      ["size", bundle.size === undefined || bundle.size === null ? null : bundle.size.toLocaleString("en") + " bytes"],
      ["received", bundle.received_at],
      ["finished", bundle.finished_at],
      ["duration", bundle.duration_ms === undefined || bundle.duration_ms === null ? null : bundle.duration_ms + " ms"],
      ["attempts", bundle.attempts],
      ["cleaner", bundle.cleaner_version],
      ["quarantine copy", bundle.quarantine_key],
      ["last error", bundle.last_error],
    ].filter(([, value]) => value !== null && value !== undefined && value !== "");
    const counts = bundle.counts || {};
    const errors = bundle.errors || [];
    const chrome = bundle.chrome || [];
    let groupReason = null;
    const articleRows = (items) =>
      items.length === 0
        ? el("p", { text: "No articles stored from this bundle." })
        : table(
            ["member", "title", "published", "source", "words"],
            items.map((a) =>
              el(
                "tr",
                { "data-id": a.id },
                el("td", { class: "member", text: fmt(a.member) }),
                el("td", {}, link("/article/" + a.id, a.title || "(no headline in the text)", { class: "article-link" })),
                el("td", { class: "nowrap", text: fmt(a.published) }),
                el("td", { text: fmt(a.source) }),
                el("td", { class: "num", text: fmt(a.word_count) })
              )
            ),
            { class: "articles" }
          );
    const articles = pager(articleRows, (cursor) => api("/articles", { bundle: bundle.bundle_id, limit: ARTICLE_PAGE, cursor }), ARTICLE_PAGE, "articles");
    const groups = pager(
      (items) => groupList(items, groupReason),
      async (cursor) => {
        const page = await api("/bundles/" + encodeURIComponent(bundle.bundle_id) + "/groups", { limit: GROUP_PAGE, cursor });
        groupReason = page.reason;
        return page;
      },
      GROUP_PAGE,
      "groups"
    );
    setView(
      link("/", "← all bundles"),
      el("h1", {}, "Bundle ", el("span", { class: "mono", text: fmt(bundle.key) }), " ", statusBadge(bundle.status)),
      el("section", { class: "cards" },
        el("div", { class: "card" }, el("h2", { text: "Record" }),
          el("dl", {}, facts.map(([name, value]) => [el("dt", { text: name }), el("dd", { text: String(value) })]))),
        el("div", { class: "card" }, el("h2", { text: "Counts" }),
          table(["members", "articles", "new", "duplicates", "skipped", "failed"],
            [el("tr", {}, ["members", "articles", "new", "duplicates", "skipped", "failed"].map((n) => el("td", { class: "num", text: fmt(counts[n]) })))],
            { class: "counts-table" }))
      ),
      el("section", { class: "card" },
        el("h2", { text: "Errors (" + errors.length + (bundle.errors_truncated ? " shown, " + bundle.errors_truncated + " more" : "") + ")" }),
        errors.length === 0
          ? el("p", { text: "No member failed." })
          : el("div", { class: "scroll" }, table(["member", "code", "what to do"],
              errors.map((e) => el("tr", {}, el("td", { class: "member", text: fmt(e.member) }), el("td", { class: "mono", text: fmt(e.code) }), el("td", { text: fmt(e.reason) }))),
              { class: "errors" }))
      ),
      el("section", { class: "card" },
        el("h2", { text: "Learned chrome (" + chrome.length + " lines)" }),
        el("p", { class: "hint", text: "Lines repeated across this bundle's members, removed from each article by the rule bundle_chrome." }),
        chrome.length === 0 ? el("p", { text: "None learned." }) : el("ul", { class: "chrome scroll" }, chrome.map((line) => el("li", { class: "mono", text: line })))
      ),
      el("section", { class: "card" }, el("h2", { text: "Articles" }), articles),
      el("section", { class: "card near-duplicates" }, el("h2", { text: "Near-duplicate groups" }),
        el("p", { class: "hint", text: "The same story as other outlets posted it: each group of two or more articles with its members " +
          "from this bundle and how many articles outside the bundle it holds. An article not listed has no near-duplicate." }),
        groups)
    );
  }

  // One page of GET /bundles/{id}/groups: each group of two or more articles with its members from this bundle.
  function groupList(items, reason) {
    const note = reason ? el("p", { class: "hint", text: reason }) : null;
    if (items.length === 0) {
      return el("div", {}, note, el("p", { class: "no-groups", text: "No article of this bundle has a near-duplicate on this page." }));
    }
    const more = (g) => (g.counts_capped ? " (at least)" : "");
    const memberLine = (m) =>
      el("li", { "data-id": m.id }, link("/article/" + m.id, m.title || "(no headline in the text)", { class: "group-member" }),
        el("span", { class: "hint", text: " · " + fmt(m.member) + " · " + fmt(m.source) }));
    return el("div", {}, note,
      items.map((g) =>
        el("div", { class: "group", "data-group": g.group_id },
          el("h3", {},
            el("span", { class: "group-size", text: g.articles + (g.articles === 1 ? " article" : " articles") + " here" }),
            el("span", { class: "group-others", text: g.others === 0 ? " · none elsewhere" : " · " + g.others + more(g) + " more elsewhere" }),
            el("span", { class: "hint mono", title: "group id (the founding article)", text: " · group " + g.group_id.slice(0, 12) })),
          el("ul", {}, g.members.map(memberLine)),
          g.members_truncated ? el("p", { class: "hint", text: "first " + g.members.length + " of " + g.articles + more(g) + " listed" }) : null))
    );
  }

  function sourceLine(line) {
    const role = line.role || "";
    const classes = ["line", line.removed ? "removed" : "kept"];
    if (META_ROLES.includes(role)) classes.push("meta", "meta-" + role);
    const text = line.removed ? el("del", { text: line.text }) : el("span", { text: line.text });
    const label = line.removed || META_ROLES.includes(role)
      ? el("span", { class: "label", title: "role " + role + ", rule " + line.rule, text: role + " · " + line.rule })
      : null;
    return el("li", { class: classes.join(" "), "data-role": role, "data-rule": line.rule || "" },
      el("span", { class: "n", text: String(line.n) }), el("span", { class: "text" }, text), label);
  }

  function sourceLines(article) {
    if (Array.isArray(article.lines)) return article.lines;
    // Stored before cleaner 2026.12.01-1: only the removed lines are numbered; the body comes after them.
    const removed = (article.removed || []).map((line) => Object.assign({ removed: true }, line));
    const kept = (article.body || "").split(/\n+/).filter((t) => t.trim()).map((text) => ({ n: "·", text, role: "body", rule: "kept", removed: false }));
    return removed.concat(kept);
  }

  function field(role, name, value) {
    return el("div", { class: "field" + (role ? " meta meta-" + role : "") }, el("span", { class: "field-name", text: name }), el("span", { class: "field-value", text: fmt(value) }));
  }

  async function articleView(articleId) {
    setView(el("p", { text: "loading article…" }));
    const mine = generation;
    let article;
    try {
      article = await api("/articles/" + encodeURIComponent(articleId));
    } catch (error) {
      setView(link("/", "← all bundles"), problem(error.message));
      return;
    }
    if (mine !== generation) return;
    const lines = sourceLines(article);
    const removedCount = lines.filter((l) => l.removed).length;
    const bundles = article.bundles || [];
    const body = (article.body || "").split(/\n+/).filter((t) => t.trim());
    const similarBox = el("div", { class: "similar" }, el("p", { class: "hint", text: "loading…" }));
    setView(
      bundles.length ? link("/bundle/" + encodeURIComponent(bundles[0].bundle_id), "← bundle " + fmt(bundles[0].key)) : link("/", "← all bundles"),
      el("h1", { class: "article-title" }, article.title ? article.title : untitled()),
      el("p", { class: "hint" }, "id ", el("span", { class: "mono", text: article.id }), " · " + fmt(article.word_count) + " words · language " + fmt(article.language) + " · " + removedCount + " of " + lines.length + " lines removed"),
      bundles.some((b) => /\.html?$/i.test(b.member || ""))
        ? el("p", { class: "extraction" }, el("b", { text: "HTML member, cleaned after extraction: " }),
            "the page's visible lines that trafilatura's extraction left out (navigation, teasers, footers) are " +
            "struck through with rule extraction, among the lines it kept; at most 60 of them are stored per " +
            "article, those nearest the story first.")
        : null,
      el("div", { class: "columns" },
        el("section", { class: "card source" },
          el("h2", { text: "Source text, line by line" }),
          el("p", { class: "legend" },
            el("span", { class: "meta meta-title" }, "title"), " ", el("span", { class: "meta meta-date" }, "date"), " ",
            el("span", { class: "meta meta-source" }, "source"), " ", el("span", { class: "meta meta-byline" }, "byline"), " ",
            el("del", { text: "removed" }), " (labelled role · rule)"),
          el("ol", { class: "lines" }, lines.map(sourceLine))
        ),
        el("section", { class: "card clean" },
          el("h2", { text: "Clean result" }),
          field("title", "title", article.title),
          field("date", "published", article.published),
          field("source", "source", article.source),
          field("byline", "byline", article.byline),
          article.kicker ? field(null, "kicker", article.kicker) : null,
          article.news_id ? field(null, "news id", article.news_id) : null,
          article.url ? field(null, "url", article.url) : null,
          el("div", { class: "body" }, body.map((p) => el("p", { text: p })))
        )
      ),
      el("section", { class: "card" }, el("h2", { text: "Came in" }),
        bundles.length === 0 ? el("p", { text: "No bundle recorded." }) :
          el("ul", {}, bundles.map((b) => el("li", {}, link("/bundle/" + encodeURIComponent(b.bundle_id), fmt(b.key)), " member ", el("span", { class: "mono", text: fmt(b.member) }), el("span", { class: "hint", text: " · " + fmt(b.seen_at) }))))),
      el("section", { class: "card" }, el("h2", { text: "Similar articles" }), similarBox)
    );
    try {
      const similar = await api("/articles/" + encodeURIComponent(articleId) + "/similar", { limit: 20 });
      if (mine !== generation) return;
      similarBox.replaceChildren(
        similar.items.length === 0
          ? el("p", { text: similar.reason || "No other version of this story has been ingested." })
          : el("ul", {}, similar.items.map((s) => el("li", {}, link("/article/" + s.id, s.title || "(no headline in the text)", { class: "similar-link" }),
              el("span", { class: "hint", text: " · " + fmt(s.source) + " · similarity " + Number(s.similarity).toFixed(2) }))))
      );
    } catch (error) {
      similarBox.replaceChildren(problem(error.message));
    }
  }

  // --- routing: #/ , #/bundle/<id>, #/article/<id> -----------------------------------------------------------------
  function route() {
    generation += 1;
    const hash = decodeURIComponent(location.hash.replace(/^#/, "")) || "/";
    const parts = hash.split("/").filter(Boolean);
    if (!storedKey()) {
      setView(problem("No API key yet.", "Paste the API key above (make run prints it; deployed: aws apigateway get-api-key --include-value) and press Use key."));
      return;
    }
    if (parts[0] === "bundle" && parts[1]) bundleView(parts.slice(1).join("/"));
    else if (parts[0] === "article" && parts[1]) articleView(parts[1]);
    else bundlesView();
    window.scrollTo(0, 0);
  }

  window.addEventListener("hashchange", route);
  showKeyState();
  route();
})();
