import { describe, expect, it } from 'vitest'
import { normalizeHostname, normalizeMac, normalizeSerial } from '../../../src/main/assets/identifiers'

describe('normalizeSerial', () => {
  it('ignores case and spaces', () => {
    expect(normalizeSerial(' 5cg 12 34xyz ')).toBe('5CG1234XYZ')
    expect(normalizeSerial('VMware-56 4d 1a 2b')).toBe('VMWARE-564D1A2B')
  })
  it.each([
    'To Be Filled By O.E.M.',
    'To be filled by OEM',
    'Default string',
    'DEFAULT STRING',
    'System Serial Number',
    'Chassis Serial Number',
    '0',
    '00000000',
    'xxxxxxxx',
    'None',
    'N/A',
    'Not Specified',
    '123456789',
    '',
    '  ',
    null,
    undefined,
    'AB'
  ])('never matches %j', (raw) => {
    expect(normalizeSerial(raw)).toBe('')
  })
})

describe('normalizeMac', () => {
  it('reads the usual notations', () => {
    for (const m of ['3c:52:82:0a:0b:0c', '3C-52-82-0A-0B-0C', '3c52.820a.0b0c', '3C52820A0B0C'])
      expect(normalizeMac(m)).toBe('3C52820A0B0C')
  })
  it.each([
    ['locally administered (randomised Wi-Fi)', '9A:11:22:33:44:55'],
    ['locally administered (Docker)', '02:42:ac:11:00:02'],
    ['multicast', '01:00:5E:00:00:01'],
    ['all zero', '00:00:00:00:00:00'],
    ['broadcast', 'FF:FF:FF:FF:FF:FF'],
    ['WAN Miniport', '20:41:53:59:4E:FF'],
    ['Cisco AnyConnect', '00:05:9A:3C:7A:00'],
    ['VMware VMnet8', '00:50:56:C0:00:08'],
    ['TAP-Windows', '00:FF:12:34:56:78'],
    ['malformed', '3C:52:82:0A:0B'],
    ['not hex', 'zz:52:82:0a:0b:0c']
  ])('drops %s', (_what, raw) => {
    expect(normalizeMac(raw)).toBe('')
  })
})

describe('normalizeHostname', () => {
  it('drops the domain suffix and case', () => {
    expect(normalizeHostname('WS-07.corp.example.com')).toBe('ws-07')
    expect(normalizeHostname('MacBook-Pro.local')).toBe('macbook-pro')
    expect(normalizeHostname(' Reception ')).toBe('reception')
  })
  it.each(['localhost', 'LOCALHOST.localdomain', '', '.', 'x', null])('ignores %j', (raw) => {
    expect(normalizeHostname(raw)).toBe('')
  })
})
