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

let source = fs.readFileSync(file, 'utf8')
if (source.includes(MARKER)) {
  console.log('dynalite already patched')
  process.exit(0)
}
source = replaceAll(source, leakOld, leakNew, 2, 'iterator close on end')
source = replaceAll(source, destroyOld, destroyNew, 2, 'iterator close on destroy')
fs.writeFileSync(file, source)
console.log('dynalite patched: LevelDB iterators closed')
