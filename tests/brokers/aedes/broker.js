// SPDX-License-Identifier: GPL-3.0-or-later
// aedes as a user would run it, for the interoperability tests: default options (sessions,
// retained messages and wills kept in memory while the process lives), one MQTT-over-TCP and
// one MQTT-over-WebSocket listener on 127.0.0.1.
//
//   node broker.js [--tcp PORT] [--ws PORT]     (0 = any free port; neither = --tcp 0)
//
// Prints "aedes <version> listening tcp <port> ws <port>" (the listeners asked for) on stdout
// once they accept connections, and one line per connection event on stderr. Exits on SIGTERM
// or SIGINT, or when stdin closes, so a test that dies takes its broker with it.
import http from 'node:http'
import net from 'node:net'
import { Aedes } from 'aedes'
import { WebSocketServer, createWebSocketStream } from 'ws'

const host = '127.0.0.1'

function parsePorts (args) {
  const ports = {}
  for (let i = 0; i < args.length; i += 2) {
    const name = { '--tcp': 'tcp', '--ws': 'ws' }[args[i]]
    const port = Number(args[i + 1])
    if (!name || !Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`usage: node broker.js [--tcp PORT] [--ws PORT]; got: ${args.join(' ')}`)
      process.exit(2)
    }
    ports[name] = port
  }
  return Object.keys(ports).length > 0 ? ports : { tcp: 0 }
}

function listen (server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server.address().port))
  })
}

function log (text) {
  const time = new Date().toISOString().slice(11, 23)
  process.stderr.write(`${time} ${text}\n`)
}

const ports = parsePorts(process.argv.slice(2))

const broker = await Aedes.createBroker()
broker.on('client', (client) => log(`client ${client.id} connected (protocol level ${client.version})`))
broker.on('clientDisconnect', (client) => log(`client ${client.id} disconnected`))
broker.on('clientError', (client, error) => log(`client ${client.id} error: ${error.message}`))
broker.on('connectionError', (client, error) => log(`connection error (${client.id}): ${error.message}`))
broker.on('keepaliveTimeout', (client) => log(`client ${client.id} keepalive timeout`))
broker.on('subscribe', (subscriptions, client) => {
  const filters = subscriptions.map((s) => `${s.topic} qos ${s.qos}`).join(', ')
  log(`client ${client.id} subscribed ${filters}`)
})
broker.on('connackSent', (connack, client) => {
  log(`CONNACK to ${client.id ?? '(no id)'}: return code ${connack.returnCode}`)
})

const tcpServer = net.createServer(broker.handle)
const httpServer = http.createServer()
// No path given: every path is accepted, as mosquitto does.
const webSocketServer = new WebSocketServer({ server: httpServer })
webSocketServer.on('connection', (socket, request) => {
  broker.handle(createWebSocketStream(socket), request)
})

let stopping = false
function stop (why) {
  if (stopping) {
    return
  }
  stopping = true
  log(`stopping: ${why}`)
  // Closing the servers waits for open connections; a test wants the process gone now.
  const forced = setTimeout(() => process.exit(0), 2000)
  forced.unref()
  broker.close(() => process.exit(0))
}
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
process.stdin.on('end', () => stop('stdin closed'))
process.stdin.on('error', () => stop('stdin error'))
process.stdin.resume()

try {
  let listening = ''
  if (ports.tcp !== undefined) {
    listening += ` tcp ${await listen(tcpServer, ports.tcp)}`
  }
  if (ports.ws !== undefined) {
    listening += ` ws ${await listen(httpServer, ports.ws)}`
  }
  console.log(`aedes ${broker.version} listening${listening}`)
} catch (error) {
  console.error(`cannot listen: ${error.message}`)
  process.exit(1)
}
