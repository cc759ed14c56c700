import {
  canonicalReference,
  canonicalRepository,
  formatName,
  formatReference,
  isDigest,
  isValidTag,
  parseReference,
  parseTaggedReference,
  type ImageName,
  type ImageReference,
} from '../../src/reference.js';

const SHA256 = `sha256:${'a'.repeat(64)}`;
const SHA512 = `sha512:${'0'.repeat(128)}`;

describe('parseReference', () => {
  it.each<[string, ImageReference]>([
    ['busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['busybox:1.36', { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' }],
    ['acme/app:latest', { registry: 'docker.io', repository: 'acme/app', tag: 'latest' }],
    ['docker.io/busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['docker.io/acme/app', { registry: 'docker.io', repository: 'acme/app' }],
    ['index.docker.io/busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['index.docker.io/acme/app', { registry: 'docker.io', repository: 'acme/app' }],
    ['ghcr.io/acme/app:v1', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1' }],
    ['ghcr.io/acme/team/app', { registry: 'ghcr.io', repository: 'acme/team/app' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/app:dev', { registry: 'localhost:5000', repository: 'app', tag: 'dev' }],
    ['127.0.0.1:5000/lab/busybox:latest', { registry: '127.0.0.1:5000', repository: 'lab/busybox', tag: 'latest' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app' }],
    ['Registry.Example.COM/app', { registry: 'Registry.Example.COM', repository: 'app' }],
    // Uppercase makes the first component a host, as in Docker.
    ['Acme/app', { registry: 'Acme', repository: 'app' }],
    [`app@${SHA256}`, { registry: 'docker.io', repository: 'library/app', digest: SHA256 }],
    [`ghcr.io/a/b:v1@${SHA256}`, { registry: 'ghcr.io', repository: 'a/b', tag: 'v1', digest: SHA256 }],
    [`ghcr.io/a/b@${SHA512}`, { registry: 'ghcr.io', repository: 'a/b', digest: SHA512 }],
    ['a/b-c__d.e_f---g:_tag.-x', { registry: 'docker.io', repository: 'a/b-c__d.e_f---g', tag: '_tag.-x' }],
    [`app:${'t'.repeat(128)}`, { registry: 'docker.io', repository: 'library/app', tag: 't'.repeat(128) }],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it.each([
    ['Foo:bar', 'repository names must be lowercase'],
    ['ghcr.io/Acme/app', 'repository names must be lowercase'],
    ['', 'the name is empty'],
    [':tag', 'the name is empty'],
    ['app:', '"" is not a valid tag'],
    ['app:-x', '"-x" is not a valid tag'],
    [`app:${'t'.repeat(129)}`, 'is not a valid tag'],
    ['app@sha256:abc', '"sha256:abc" is not a digest'],
    [`app@sha256:${'A'.repeat(64)}`, 'is not a digest'],
    [`app@md5:${'a'.repeat(32)}`, 'is not a digest'],
    ['app//x', 'is not a valid repository name'],
    ['app/', 'is not a valid repository name'],
    ['-app', 'is not a valid repository name'],
    ['app_', 'is not a valid repository name'],
    ['a___b', 'is not a valid repository name'],
    ['ghcr.io/', 'is not a valid repository name'],
    ['my-host-.io/app', '"my-host-.io" is not a valid registry host[:port]'],
    ['localhost:port/app', '"localhost:port" is not a valid registry host[:port]'],
    ['a'.repeat(64), 'a 64-hex-digit name would be read as an image ID'],
    [`a/${'b'.repeat(254)}`, 'the name is longer than 255 characters'],
  ])('rejects %j: %s', (text, reason) => {
    expect(() => parseReference(text)).toThrow(`"${text}" is not a valid image reference: `);
    expect(() => parseReference(text)).toThrow(reason);
  });

  it('says what form it expects', () => {
    expect(() => parseReference('Foo:bar')).toThrow(
      '"Foo:bar" is not a valid image reference: repository names must be lowercase (expected [registry/]name[:tag][@digest])',
    );
  });
});

describe('parseTaggedReference', () => {
  test.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine', tag: 'latest' }],
    ['ghcr.io/acme/app:v1', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1' }],
    ['127.0.0.1:5000/lab/app', { registry: '127.0.0.1:5000', repository: 'lab/app', tag: 'latest' }],
  ])('%s names a tag, latest where none is written', (text, expected) => {
    expect(parseTaggedReference(text)).toEqual(expected);
  });

  test('a reference with a digest is no tag', () => {
    expect(() => parseTaggedReference(`ghcr.io/acme/app:v1@${SHA256}`)).toThrow(
      `"ghcr.io/acme/app:v1@${SHA256}" has a digest (expected name:tag; the digest is what this action outputs)`,
    );
  });
});

describe('formatName and formatReference', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox', 'docker.io/library/busybox'],
    ['ghcr.io/a/b:v1', 'ghcr.io/a/b', 'ghcr.io/a/b:v1'],
    [`localhost:5000/a@${SHA256}`, 'localhost:5000/a', `localhost:5000/a@${SHA256}`],
    [`a:v1@${SHA256}`, 'docker.io/library/a', `docker.io/library/a:v1@${SHA256}`],
  ])('%s', (text, name, reference) => {
    const parsed = parseReference(text);
    expect(formatName(parsed)).toBe(name);
    expect(formatReference(parsed)).toBe(reference);
    expect(parseReference(formatReference(parsed))).toEqual(parsed);
  });
});

describe('canonicalRepository', () => {
  it.each<[string, ImageName, string]>([
    ['a registry as written', { registry: 'ghcr.io', repository: 'acme/app' }, 'ghcr.io/acme/app'],
    ['an upper-case host', { registry: 'GHCR.IO', repository: 'acme/app' }, 'ghcr.io/acme/app'],
    ['the HTTPS port', { registry: 'ghcr.io:443', repository: 'acme/app' }, 'ghcr.io/acme/app'],
    ['another port', { registry: 'Registry.Example.com:5000', repository: 'a' }, 'registry.example.com:5000/a'],
    [
      'port 80, which is not HTTPS',
      { registry: 'registry.example.com:80', repository: 'a' },
      'registry.example.com:80/a',
    ],
    ['a port ending in 443', { registry: 'registry.example.com:8443', repository: 'a' }, 'registry.example.com:8443/a'],
    ['an IPv6 host', { registry: '[FE80::1]:443', repository: 'a' }, '[fe80::1]/a'],
    ['docker.io', { registry: 'docker.io', repository: 'acme/app' }, 'docker.io/acme/app'],
    ['index.docker.io', { registry: 'index.docker.io', repository: 'acme/app' }, 'docker.io/acme/app'],
    ['registry-1.docker.io', { registry: 'registry-1.docker.io', repository: 'acme/app' }, 'docker.io/acme/app'],
    ['Docker Hub in upper case', { registry: 'Docker.IO', repository: 'acme/app' }, 'docker.io/acme/app'],
    ['Docker Hub on :443', { registry: 'registry-1.docker.io:443', repository: 'acme/app' }, 'docker.io/acme/app'],
    ['an official image', { registry: 'registry-1.docker.io', repository: 'busybox' }, 'docker.io/library/busybox'],
    ['a one-component name elsewhere', { registry: 'localhost:5000', repository: 'app' }, 'localhost:5000/app'],
    [
      'a look-alike of Docker Hub',
      { registry: 'docker.io.example.com', repository: 'a/b' },
      'docker.io.example.com/a/b',
    ],
  ])('%s', (_case, name, canonical) => {
    expect(canonicalRepository(name)).toBe(canonical);
  });

  it('gives every spelling of one repository the same text', () => {
    const spellings = ['busybox', 'docker.io/busybox', 'index.docker.io/library/busybox', 'Docker.io:443/busybox'];
    expect(new Set(spellings.map((text) => canonicalRepository(parseReference(text))))).toEqual(
      new Set(['docker.io/library/busybox']),
    );
  });
});

describe('canonicalReference', () => {
  const DIGEST = `sha256:${'a'.repeat(64)}`;

  it.each([
    [
      ['ghcr.io/acme/app:v1', 'GHCR.IO/acme/app:v1', 'ghcr.io:443/acme/app:v1', 'Ghcr.Io:443/acme/app:v1'],
      'ghcr.io/acme/app:v1',
    ],
    [
      [
        'busybox',
        'busybox:latest',
        'docker.io/library/busybox:latest',
        'index.docker.io/busybox',
        'registry-1.docker.io/library/busybox:latest',
        'Docker.io:443/busybox',
      ],
      'docker.io/library/busybox:latest',
    ],
    [[`app@${DIGEST}`, `index.docker.io/library/app@${DIGEST}`], `docker.io/library/app@${DIGEST}`],
    [[`localhost:5000/app:v1@${DIGEST}`, `LOCALHOST:5000/app:v1@${DIGEST}`], `localhost:5000/app:v1@${DIGEST}`],
  ])('spells %j as %s', (spellings, canonical) => {
    expect(spellings.map((text) => canonicalReference(parseReference(text)))).toEqual(spellings.map(() => canonical));
  });

  it.each([
    ['ghcr.io/acme/app:v1', 'ghcr.io/acme/app:v2'],
    ['ghcr.io/acme/app:v1', 'ghcr.io:8443/acme/app:v1'],
    ['registry.example.com/app', 'registry.example.com:80/app'],
    ['busybox', 'busybox:Latest'],
    ['localhost:5000/app', '127.0.0.1:5000/app'],
  ])('tells %s from %s', (one, other) => {
    expect(canonicalReference(parseReference(one))).not.toBe(canonicalReference(parseReference(other)));
  });
});

describe('isValidTag and isDigest', () => {
  it.each([
    ['latest', true],
    ['_x', true],
    ['1.0-rc.1_b', true],
    ['t'.repeat(128), true],
    ['t'.repeat(129), false],
    ['.x', false],
    ['-x', false],
    ['', false],
    ['a/b', false],
    [SHA256, false],
  ])('isValidTag(%j) is %s', (tag, valid) => {
    expect(isValidTag(tag)).toBe(valid);
  });

  it.each([
    [SHA256, true],
    [SHA512, true],
    [`sha256:${'a'.repeat(63)}`, false],
    [`sha256:${'A'.repeat(64)}`, false],
    [`sha512:${'a'.repeat(64)}`, false],
    [`sha384:${'a'.repeat(96)}`, false],
    ['latest', false],
  ])('isDigest(%j) is %s', (text, valid) => {
    expect(isDigest(text)).toBe(valid);
  });
});
