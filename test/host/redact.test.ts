// Redaction, table-driven: real secret shapes (each must lose its secret: the second column
// must not be in the output) and ordinary text (each must come out unchanged).
import { describe, expect, it } from 'vitest';
import { envValues, redactSecrets, redactUrlCredentials, REDACTED, scrubText } from '../../src/host/redact.ts';

const SECRETS: Array<[string, string]> = [
  ['mysql -uroot -phunter2 shop', 'hunter2'],
  ['mysqldump -u app -p"s3 cret" db > dump.sql', 's3 cret'],
  ['mariadb -h db -pX9', 'X9'],
  ['mysqladmin -u root -pS3cr3t status', 'S3cr3t'],
  ['redis-cli -h cache -a r3dispw ping', 'r3dispw'],
  ['app --password=x', '=x'],
  ['app --password x --verbose', ' x '],
  ['app --db-password hunter2', 'hunter2'],
  ['app --token abc123', 'abc123'],
  ['app --api-key=k3y', 'k3y'],
  ['PASSWORD=pw', 'pw'],
  ['DB_PASS=p4', 'p4'],
  ['MYSQL_ROOT_PASSWORD=rootpw mysqld', 'rootpw'],
  ['password: x', ': x'],
  ['  password: "correct horse"', 'correct horse'],
  ['{"client_secret":"cs-123","name":"web"}', 'cs-123'],
  ["db_password = 'quoted pw'", 'quoted pw'],
  ['token=abc', 'abc'],
  ['GITHUB_TOKEN=ghp_shortone', 'ghp_shortone'],
  ['Authorization: Bearer eyJhbGciOi.abc', 'eyJhbGciOi'],
  ['authorization: token 0123456789abcdef', '0123456789abcdef'],
  ['Authorization: Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
  ['curl -H "Authorization: Bearer tok_live_1234567"', 'tok_live_1234567'],
  ['aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI'],
  ['using ghp_0123456789abcdefghijABCDEFGHIJ012345 now', 'ghp_0123456789abcdefghij'],
  ['github_pat_11ABCDEFG0123456789_abcdefghijklmnop', 'github_pat_11ABCDEFG'],
  ['slack xoxb-1234-5678-abcdefgh', 'xoxb-1234'],
  ['slack xoxp-1234-5678-abcdefgh', 'xoxp-1234'],
  ['slack xoxa-2-1234-abcdefgh', 'xoxa-2'],
  ['glpat-abcdefghij0123456789', 'glpat-abcdefghij'],
  ['docker login -u me -p dckr_pat_abcdefghijklmnop1234', 'dckr_pat_abcdefghijklmnop'],
  ['key sk_live_abcdefghijklmnop1234', 'sk_live_abcdefghijklmnop'],
  ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.SflKxwRJSMeKKF2QT4fwpM', 'SflKxwRJSMeKKF2QT4fwpM'],
  ['DOCKER_HOST=tcp://admin:hunter2@10.0.0.5:2375', 'hunter2'],
  ['postgres://app:pw@db:5432/shop', ':pw@'],
  ['https://:tok3n@git.example.com/repo.git', 'tok3n'],
  ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----', 'MIIEow'],
  ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXk'],
  ['-----BEGIN PRIVATE KEY----- cut off MIIEvQ', 'MIIEvQ'],
];

const READABLE = [
  'docker run -d -p 8080:80 --name web app:1.2',
  'docker run -p8080:80 app',
  'mysql -u root -p shop',
  'docker login --password-stdin -u me',
  'listening on http://0.0.0.0:8080/health',
  'ssh://deploy@build-host:22',
  'bypass=true compass=north',
  'token count is 5',
  'Exited (137) 2 minutes ago',
  'sh -c echo hello; sleep 3600',
  'GET /api/users?page=2 200 12ms',
  'npm run start --workspace=api',
];

describe('redactSecrets', () => {
  it.each(SECRETS)('%s loses its secret', (line, secret) => {
    const out = redactSecrets(line);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it.each(READABLE)('%s stays readable', (line) => {
    expect(redactSecrets(line)).toBe(line);
  });

  it('keeps what is around the secret', () => {
    expect(redactSecrets('mysql -uroot -phunter2 shop')).toBe(`mysql -uroot -p${REDACTED} shop`);
    expect(redactSecrets('app --password x --verbose')).toBe(`app --password ${REDACTED} --verbose`);
    expect(redactSecrets('Authorization: Bearer abcdefgh')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactSecrets('tcp://admin:hunter2@host:2375')).toBe(`tcp://admin:${REDACTED}@host:2375`);
  });

  it('reads a key as a whole word (the key may hold the secret word anywhere)', () => {
    expect(redactSecrets(`${'a'.repeat(2_000)}token=x`)).toBe(`${'a'.repeat(2_000)}token=${REDACTED}`);
    expect(redactSecrets(`${'a'.repeat(2_000)} token=x`)).toBe(`${'a'.repeat(2_000)} token=${REDACTED}`);
  });
});

describe('redactUrlCredentials', () => {
  it.each([
    ['tcp://admin:hunter2@10.0.0.5:2375', `tcp://admin:${REDACTED}@10.0.0.5:2375`],
    ['ssh://deploy@host', 'ssh://deploy@host'],
    ['unix:///var/run/docker.sock', 'unix:///var/run/docker.sock'],
    ['https://u:p@a.example/x and http://v:q@b.example', `https://u:${REDACTED}@a.example/x and http://v:${REDACTED}@b.example`],
  ])('%s', (input, expected) => {
    expect(redactUrlCredentials(input)).toBe(expected);
  });
});

describe('env values', () => {
  it('keeps short values of secret-named variables, long values of any', () => {
    expect(envValues(['DB_PASS=pw1', 'MODE=dev', 'LONGISH=abcdefgh', 'X=', 'NOEQ'])).toEqual(['pw1', 'abcdefgh']);
  });

  it('scrubs a short secret value only where it stands alone', () => {
    expect(scrubText('login with pw1 ok; pw12345 is another', ['pw1'])).toBe(`login with ${REDACTED} ok; pw12345 is another`);
    expect(scrubText('prefix-abcdefgh-suffix', ['abcdefgh'])).toBe(`prefix-${REDACTED}-suffix`);
  });
});
