// The local stack's DynamoDB: dynalite on LevelDB at --path, bound to --host:--port (0 picks a free port).
// Prints one JSON line {"port": N} once listening, so the Python side needs no probe-then-bind race.
'use strict'

const path = require('path')
const argv = require('minimist')(process.argv.slice(2), { string: [ 'host', 'path' ] })

const dynalite = require('dynalite')
const host = argv.host || '127.0.0.1'
const port = argv.port === undefined ? 4567 : Number(argv.port)
const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }
if (argv.path) options.path = path.resolve(argv.path)

const server = dynalite(options)
server.listen(port, host, function () {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')
})
server.on('error', function (err) {
  process.stderr.write('dynalite: ' + err.message + '\n')
  process.exit(2)
})

let stopping = false
function stop () {
  if (stopping) return
  stopping = true
  // Closing the server lets dynalite close LevelDB cleanly, so the next start opens it without recovery.
  server.close(function () { process.exit(0) })
  if (server.closeAllConnections) server.closeAllConnections()
  setTimeout(function () { process.exit(0) }, 5000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
// The local stack holds our stdin: when its process ends, even killed, stdin closes and the engine stops too.
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
