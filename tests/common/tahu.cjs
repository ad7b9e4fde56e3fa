// SPDX-License-Identifier: GPL-3.0-or-later
// Sparkplug B payloads made by Eclipse Tahu's JavaScript encoder (npm sparkplug-payload), for
// mqttscope's decoder to be compared against; and Tahu's decoder for what mqttscope encodes.
//   node tahu.cjs encode OUTDIR   writes OUTDIR/<case>.bin and OUTDIR/cases.json (the inputs)
//   node tahu.cjs session OUTDIR  writes a node's session, OUTDIR/<step>.bin, for a broker test
//   node tahu.cjs decode FILE     prints Tahu's reading of FILE as JSON
// NODE_PATH names tests/brokers/aedes/node_modules.
'use strict';
const fs = require('fs');
const path = require('path');
const Long = require('long');
const tahu = require('sparkplug-payload').get('spBv1.0');
const Payload = require('sparkplug-payload/lib/sparkplugPayloadProto').org.eclipse.tahu.protobuf.Payload;

function toJson(key, value) {
    if (Long.isLong(value)) return value.toString();
    if (value && value.type === 'Buffer' && Array.isArray(value.data))
        return Buffer.from(value.data).toString('base64');
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    return value;
}

// Tahu 1.0.3 knows no array datatypes: the 3.0 packing is done here, and the metric's
// datatype set on Tahu's own protobuf message.
function packArray(type, values) {
    const widths = { Int8Array: 1, UInt8Array: 1, Int16Array: 2, UInt16Array: 2, Int32Array: 4,
        UInt32Array: 4, FloatArray: 4, Int64Array: 8, UInt64Array: 8, DoubleArray: 8, DateTimeArray: 8 };
    if (type === 'StringArray') return Buffer.concat(values.map((s) => Buffer.from(s + '\0', 'utf8')));
    if (type === 'BooleanArray') {
        const out = Buffer.alloc(4 + Math.ceil(values.length / 8));
        out.writeUInt32LE(values.length, 0);
        values.forEach((v, i) => { if (v) out[4 + (i >> 3)] |= 0x80 >> (i % 8); });
        return out;
    }
    const w = widths[type];
    const out = Buffer.alloc(w * values.length);
    values.forEach((v, i) => {
        const at = i * w;
        switch (type) {
        case 'Int8Array': out.writeInt8(v, at); break;
        case 'UInt8Array': out.writeUInt8(v, at); break;
        case 'Int16Array': out.writeInt16LE(v, at); break;
        case 'UInt16Array': out.writeUInt16LE(v, at); break;
        case 'Int32Array': out.writeInt32LE(v, at); break;
        case 'UInt32Array': out.writeUInt32LE(v, at); break;
        case 'FloatArray': out.writeFloatLE(v, at); break;
        case 'DoubleArray': out.writeDoubleLE(v, at); break;
        case 'UInt64Array': out.writeBigUInt64LE(BigInt(v), at); break;
        default: out.writeBigInt64LE(BigInt(v), at); break;
        }
    });
    return out;
}
const arrayTypes = ['Int8Array', 'Int16Array', 'Int32Array', 'Int64Array', 'UInt8Array', 'UInt16Array',
    'UInt32Array', 'UInt64Array', 'FloatArray', 'DoubleArray', 'BooleanArray', 'StringArray', 'DateTimeArray'];

function arraysPayload(arrays) {
    const bytes = tahu.encodePayload({ timestamp: 1700000000000, seq: 3,
        metrics: arrays.map((a) => ({ name: a.name, type: 'Bytes', value: packArray(a.type, a.value) })) });
    const message = Payload.decode(bytes);
    message.metrics.forEach((m, i) => { m.datatype = 22 + arrayTypes.indexOf(arrays[i].type); });
    return Payload.encode(message).finish();
}

const ts = Long.fromString('1700000000123', true);
const scalars = { timestamp: ts, seq: 0, uuid: 'abc-uuid', body: Buffer.from('body!'), metrics: [
    { name: 'bdSeq', type: 'UInt64', value: Long.fromNumber(5, true) },
    { name: 'i8', alias: 1, type: 'Int8', value: -5, timestamp: ts },
    { name: 'i16', alias: 2, type: 'Int16', value: -300 },
    { name: 'i32', alias: 3, type: 'Int32', value: -70000 },
    { name: 'i64', alias: 4, type: 'Int64', value: Long.fromString('-9000000000') },
    { name: 'u8', alias: 5, type: 'UInt8', value: 250 },
    { name: 'u16', alias: 6, type: 'UInt16', value: 65000 },
    { name: 'u32', alias: 7, type: 'UInt32', value: Long.fromNumber(4000000000, true) },
    { name: 'u64', alias: 8, type: 'UInt64', value: Long.fromString('9007199254740993', true) },
    { name: 'f', alias: 9, type: 'Float', value: 1.5 },
    { name: 'd', alias: 10, type: 'Double', value: 3.14159 },
    { name: 'b', alias: 11, type: 'Boolean', value: true },
    { name: 's', alias: 12, type: 'String', value: 'h\u00e9llo' },
    { name: 'dt', alias: 13, type: 'DateTime', value: ts },
    { name: 't', alias: 14, type: 'Text', value: 'a longer text' },
    { name: 'u', alias: 15, type: 'UUID', value: '123e4567-e89b-12d3-a456-426614174000' },
    { name: 'bytes', alias: 16, type: 'Bytes', value: Buffer.from([0, 1, 2, 255]) },
    { name: 'file', alias: 17, type: 'File', value: Buffer.from('file content'),
      metadata: { isMultiPart: false, contentType: 'text/plain', size: Long.fromNumber(12, true),
          fileName: 'a.txt', fileType: 'txt', md5: 'md5sum', description: 'a file' } },
    { name: 'nothing', alias: 18, type: 'Int32', value: null },
    { name: 'hist', alias: 19, type: 'Int32', value: 7, isHistorical: true, isTransient: true,
      properties: { engUnit: { type: 'String', value: 'degC' }, limit: { type: 'Int32', value: -3 },
          empty: { type: 'Double', value: null },
          nested: { type: 'PropertySet', value: { inner: { type: 'Boolean', value: true } } },
          list: { type: 'PropertySetList', value: [{ a: { type: 'UInt32', value: 1 } },
                                                   { b: { type: 'Float', value: 2.5 } }] } } },
] };
const dataset = { timestamp: ts, seq: 1, metrics: [{ name: 'table', alias: 30, type: 'DataSet', value: {
    numOfColumns: Long.fromNumber(5, true), columns: ['i', 's', 'd', 'b', 'l'],
    types: ['Int32', 'String', 'Double', 'Boolean', 'Int64'],
    rows: [[1, 'one', 1.25, true, Long.fromString('-2')], [-2, 'two', -0.5, false, Long.fromString('40000000000')]] } }] };
const template = { timestamp: ts, seq: 2, metrics: [
    { name: 'Motor', type: 'Template', value: { isDefinition: true, version: 'v1',
        metrics: [{ name: 'rpm', type: 'Int32', value: 0 }, { name: 'on', type: 'Boolean', value: false }],
        parameters: [{ name: 'maxRpm', type: 'Int32', value: 3000 }, { name: 'label', type: 'String', value: 'm' }] } },
    { name: 'motor1', alias: 40, type: 'Template', value: { isDefinition: false, templateRef: 'Motor',
        metrics: [{ name: 'rpm', type: 'Int32', value: 1500 }, { name: 'on', type: 'Boolean', value: true },
                  { name: 'sub', type: 'Template', value: { templateRef: 'Gear', isDefinition: false,
                      metrics: [{ name: 'ratio', type: 'Float', value: 0.25 }] } }],
        parameters: [{ name: 'maxRpm', type: 'Int32', value: 2500 }] } }] };
const arrays = [
    { name: 'a_i8', type: 'Int8Array', value: [-128, 0, 127] },
    { name: 'a_i16', type: 'Int16Array', value: [-32768, 1, 32767] },
    { name: 'a_i32', type: 'Int32Array', value: [-2147483648, 2, 2147483647] },
    { name: 'a_i64', type: 'Int64Array', value: ['-9000000000', '3'] },
    { name: 'a_u8', type: 'UInt8Array', value: [0, 200, 255] },
    { name: 'a_u16', type: 'UInt16Array', value: [0, 65535] },
    { name: 'a_u32', type: 'UInt32Array', value: [0, 4294967295] },
    { name: 'a_u64', type: 'UInt64Array', value: ['0', '9007199254740993'] },
    { name: 'a_f', type: 'FloatArray', value: [1.5, -2.25] },
    { name: 'a_d', type: 'DoubleArray', value: [3.14159, -1e300] },
    { name: 'a_b', type: 'BooleanArray', value: [true, false, true, true, false, false, false, false, true] },
    { name: 'a_s', type: 'StringArray', value: ['ab', '', 'c\u00e9'] },
    { name: 'a_dt', type: 'DateTimeArray', value: ['1700000000000', '1700000000001'] },
];

function writeCases(dir) {
    const cases = [
        { name: 'scalars', input: scalars, bytes: tahu.encodePayload(scalars) },
        { name: 'dataset', input: dataset, bytes: tahu.encodePayload(dataset) },
        { name: 'template', input: template, bytes: tahu.encodePayload(template) },
        { name: 'arrays', input: { timestamp: 1700000000000, seq: 3, metrics: arrays }, bytes: arraysPayload(arrays) },
    ];
    for (const c of cases) fs.writeFileSync(path.join(dir, c.name + '.bin'), c.bytes);
    const inputs = {};
    for (const c of cases) inputs[c.name] = c.input;
    fs.writeFileSync(path.join(dir, 'cases.json'), JSON.stringify(inputs, toJson));
}

// NBIRTH, DBIRTH, DDATA by alias only, a DDATA that skips seq 3, DDEATH, NDEATH.
function writeSession(dir) {
    const steps = {
        nbirth: { timestamp: ts, seq: 0, metrics: [{ name: 'bdSeq', type: 'UInt64', value: Long.fromNumber(1, true) },
            { name: 'Node Control/Rebirth', alias: 1, type: 'Boolean', value: false }] },
        dbirth: { timestamp: ts, seq: 1, metrics: [{ name: 'Temperature', alias: 10, type: 'Float', value: 20.5 },
            { name: 'Running', alias: 11, type: 'Boolean', value: true }] },
        ddata: { timestamp: ts, seq: 2, metrics: [{ alias: 10, type: 'Float', value: 21.25 }] },
        ddataskip: { timestamp: ts, seq: 4, metrics: [{ alias: 11, type: 'Boolean', value: false }] },
        ddeath: { timestamp: ts, seq: 5 },
        ndeath: { timestamp: ts, metrics: [{ name: 'bdSeq', type: 'UInt64', value: Long.fromNumber(1, true) }] },
    };
    for (const [name, payload] of Object.entries(steps))
        fs.writeFileSync(path.join(dir, name + '.bin'), tahu.encodePayload(payload));
}

if (process.argv[2] === 'encode') writeCases(process.argv[3]);
else if (process.argv[2] === 'session') writeSession(process.argv[3]);
else if (process.argv[2] === 'decode')
    process.stdout.write(JSON.stringify(tahu.decodePayload(fs.readFileSync(process.argv[3])), toJson));
else { process.stderr.write('usage: tahu.cjs encode DIR | session DIR | decode FILE\n'); process.exit(2); }
