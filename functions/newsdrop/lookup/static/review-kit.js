// newsdrop /review's kit: the API key's store, small DOM helpers and the API client, shared by review.js's views.
// Plain browser JavaScript, no build step. Every value from the API is put in the page as text, never as HTML.
"use strict";

const reviewKit = (function () {
  const BASE = document.body.dataset.base || "";
  const KEY_STORE = "newsdrop.apiKey";

  // --- the API key, kept like Swagger UI's Authorize (and read from it when /docs was used first) -------------
  function storedKey() {
    const own = localStorage.getItem(KEY_STORE);
    if (own) return own;
    try {
      const swagger = JSON.parse(localStorage.getItem("authorized") || "{}");
      return (swagger.apiKey && swagger.apiKey.value) || "";
    } catch (e) {
      return "";
    }
  }

  // --- small DOM helpers ---------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function link(hash, text, attrs) {
    return el("a", Object.assign({ href: "#" + hash }, attrs || {}), text);
  }

  function table(headers, rows, attrs) {
    return el(
      "table",
      attrs || {},
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", { text: h })))),
      el("tbody", {}, rows)
    );
  }

  function fmt(value) {
    return value === null || value === undefined || value === "" ? "–" : String(value);
  }

  function untitled() {
    return el("span", { class: "untitled", text: "(no headline in the text)" });
  }

  function problem(message, hint) {
    return el("div", { class: "problem", role: "alert" }, el("b", { text: message }), hint ? el("div", { text: hint }) : null);
  }

  // --- the API -------------------------------------------------------------------------------------------------
  class ApiError extends Error {}

  async function api(path, params) {
    const key = storedKey();
    if (!key) throw new ApiError("No API key yet: paste it above (make run prints it) and press Use key.");
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") query.set(name, value);
    }
    const url = BASE + path + (query.toString() ? "?" + query : "");
    for (let attempt = 0; ; attempt++) {
      const reply = await fetch(url, { headers: { "x-api-key": key, Accept: "application/json" } });
      if (reply.status === 429 && attempt < 3) {
        // The usage plan's throttle: wait as told, then ask again.
        await new Promise((done) => setTimeout(done, 1000 * (Number(reply.headers.get("Retry-After")) || 1)));
        continue;
      }
      const body = await reply.json().catch(() => ({}));
      if (reply.ok) return body;
      const message = (body.error && body.error.message) || body.message || "HTTP " + reply.status;
      if (reply.status === 403) throw new ApiError("The API refused the key (" + message + "): paste the key make run printed.");
      throw new ApiError(message);
    }
  }

  return { KEY_STORE, storedKey, el, link, table, fmt, untitled, problem, api };
})();
