import { sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

// Just enough DER to issue X.509 v3 certificates (Node reads certificates but cannot make them): the
// platform's certificate (self-signed, as /v3/certificates serves it) and the demo merchant's API
// certificate (apiclient_cert.pem, issued by the platform), both RSA with sha256WithRSAEncryption.

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

function tlv(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(value.length), value])
}

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items))
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items))
const explicit = (n: number, value: Buffer) => tlv(0xa0 + n, value)
const nul = () => Buffer.from([0x05, 0x00])

/** A positive INTEGER from big-endian bytes. */
function integer(bytes: Buffer): Buffer {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const trimmed = bytes.subarray(start)
  const first = trimmed[0] ?? 0
  return tlv(0x02, first & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed)
}

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number)
  const out = [a * 40 + b]
  for (const n of rest) {
    const chunk: number[] = [n & 0x7f]
    for (let v = n >>> 7; v > 0; v >>>= 7) chunk.unshift(0x80 | (v & 0x7f))
    out.push(...chunk)
  }
  return tlv(0x06, Buffer.from(out))
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 §4.1.2.5). */
function time(ms: number): Buffer {
  const iso = new Date(ms).toISOString()
  const digits = iso.replace(/\.\d{3}Z$/, '').replace(/\D/g, '')
  const year = Number(digits.slice(0, 4))
  return year < 2050
    ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`))
    : tlv(0x18, Buffer.from(`${digits}Z`))
}

const OID = {
  sha256WithRSA: '1.2.840.113549.1.1.11',
  country: '2.5.4.6',
  org: '2.5.4.10',
  unit: '2.5.4.11',
  common: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
}

export interface DistinguishedName {
  C: string
  O: string
  OU: string
  CN: string
}

function name(dn: DistinguishedName): Buffer {
  const attr = (type: string, value: string, printable: boolean) =>
    set(sequence(oid(type), tlv(printable ? 0x13 : 0x0c, Buffer.from(value, 'utf8'))))
  return sequence(
    attr(OID.country, dn.C, true),
    attr(OID.org, dn.O, false),
    attr(OID.unit, dn.OU, false),
    attr(OID.common, dn.CN, false),
  )
}

export interface CertificateSpec {
  /** 40 hex digits, as WeChat's serials are. */
  serialHex: string
  subject: DistinguishedName
  issuer: DistinguishedName
  notBefore: number
  notAfter: number
  /** Whose public key the certificate carries. */
  publicKey: KeyObject
  /** Who signs it (the issuer's private key). */
  issuerKey: KeyObject
  ca: boolean
}

/** An X.509 v3 certificate, PEM. */
export function issueCertificate(spec: CertificateSpec): string {
  const algorithm = sequence(oid(OID.sha256WithRSA), nul())
  const basic = sequence(
    oid(OID.basicConstraints),
    tlv(0x01, Buffer.from([0xff])),
    tlv(0x04, sequence(...(spec.ca ? [tlv(0x01, Buffer.from([0xff]))] : []))),
  )
  // digitalSignature (bit 0), plus keyCertSign (bit 5) for a CA.
  const usageBits = spec.ca ? Buffer.from([0x02, 0x84]) : Buffer.from([0x07, 0x80])
  const usage = sequence(
    oid(OID.keyUsage),
    tlv(0x01, Buffer.from([0xff])),
    tlv(0x04, tlv(0x03, usageBits)),
  )
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(Buffer.from(spec.serialHex, 'hex')),
    algorithm,
    name(spec.issuer),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(basic, usage)),
  )
  const signature = sign('sha256', tbs, spec.issuerKey)
  const der = sequence(tbs, algorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])))
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}
