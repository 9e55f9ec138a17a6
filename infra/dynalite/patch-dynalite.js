// Applied by `make node` after `npm ci`: fixes to dynalite 4.0.0 that the local stack depends on.
// Each fix replaces an exact piece of dynalite's source; a piece that is not found (another dynalite
// version) stops the install with a message, so a fix is never silently lost. Running it twice is harmless.
'use strict'

const fs = require('fs')
const path = require('path')

const MARKER = '/* newsdrop-patched */'
const file = path.join(__dirname, 'node_modules', 'dynalite', 'db', 'index.js')

// 1. Leaked LevelDB iterators. dynalite's streams end an iterator with iterator.return(), which
//    abstract-level 3 iterators do not have, so no iterator was ever closed: each open iterator pins
//    a LevelDB version, compaction cannot drop the files it replaced, and the store grew by gigabytes
//    (7.3 GB after 4,000 articles) while memory grew with it. Close the iterator when it runs out and
//    when the stream is destroyed (a Query that stops at Limit or at 1 MB).
const leakOld = `          iterator.next()
            .then(value => {
              if (value === undefined) {
                this.push(null)
              }`
const leakNew = `          iterator.next()
            .then(value => {
              if (value === undefined) {
                iterator.close().catch(() => {}) ${MARKER}
                this.push(null)
              }`
const destroyOld = `        destroy (err, callback) {
          if (iterator.return) {
            iterator.return()`
const destroyNew = `        destroy (err, callback) {
          if (iterator.close) { ${MARKER}
            iterator.close()`

function replaceAll (text, oldText, newText, expected, what) {
  const parts = text.split(oldText)
  if (parts.length - 1 !== expected) {
    throw new Error(`${what}: expected ${expected} match(es) in ${file}, found ${parts.length - 1}; ` +
      'is dynalite still 4.0.0 (infra/dynalite/package.json)? Reinstall with `make node`.')
  }
  return parts.join(newText)
}

// 2. The table's description read from LevelDB for every item: BatchWriteItem reads it once, then each of
//    its 25 puts reads it again (and so does every GetItem, Query, UpdateItem), about a sixth of dynalite's
//    CPU under the ingest (bench/fanout.py). Keep it in memory as JSON, each caller getting its own copy as
//    LevelDB's JSON decoding gave it, and forget it whenever the table's entry is written or deleted, both
//    when the write starts and when it ends, so that a read under way meanwhile is never kept.
const CACHE_MARKER = '/* newsdrop-patched: table cache */'
const cacheAtOld = `  var tableDb = getSubDb('table')
`
const cacheAtNew = `  var tableDb = getSubDb('table')
  ${CACHE_MARKER}
  var tableCache = new Map(), tableVersion = 0
  function forgetTables (key) {
    tableVersion++
    if (key === undefined) tableCache.clear()
    else tableCache.delete(key)
  }
  ;[ 'put', 'del', 'batch' ].forEach(function (method) {
    var original = tableDb[method]
    tableDb[method] = function () {
      var args = Array.prototype.slice.call(arguments), last = args.length - 1, callback = args[last]
      var key = method == 'batch' ? undefined : args[0]
      forgetTables(key)
      if (typeof callback == 'function') {
        args[last] = function () {
          forgetTables(key)
          return callback.apply(this, arguments)
        }
      }
      return original.apply(this, args)
    }
  })
  function getTableEntry (name, cb) {
    var cached = tableCache.get(name)
    if (cached !== undefined) return process.nextTick(cb, null, JSON.parse(cached))
    var version = tableVersion
    tableDb.get(name, function (err, table) {
      if (!err && table && typeof table == 'object' && version === tableVersion) tableCache.set(name, JSON.stringify(table))
      cb(err, table)
    })
  }
`
const getOld = `    if (typeof checkStatus == 'function') cb = checkStatus

    tableDb.get(name, function (err, table) {`
const getNew = `    if (typeof checkStatus == 'function') cb = checkStatus

    getTableEntry(name, function (err, table) {`

let source = fs.readFileSync(file, 'utf8')
const applied = []
if (!source.includes(MARKER)) {
  source = replaceAll(source, leakOld, leakNew, 2, 'iterator close on end')
  source = replaceAll(source, destroyOld, destroyNew, 2, 'iterator close on destroy')
  applied.push('LevelDB iterators closed')
}
if (!source.includes(CACHE_MARKER)) {
  source = replaceAll(source, cacheAtOld, cacheAtNew, 1, 'table cache')
  source = replaceAll(source, getOld, getNew, 1, 'table cache read')
  applied.push('table description cached')
}
fs.writeFileSync(file, source)
console.log(applied.length ? 'dynalite patched: ' + applied.join(', ') : 'dynalite already patched')
