// `npm run new:service`: its checks (names, ports, folders) on a small fake repository, then a real
// generation into a temporary copy of the workspace layout: the copy's contracts and event catalogue
// are rebuilt with the new context, the service is built, type-checked and linted, its own jest project
// (domain unit test + integration test against the real Kafka and database) runs and passes, and the
// built service, started as npm start starts it, answers /readyz. Nothing is written to this checkout.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { services } from '../lib.mjs';
import { generateService, linkWorkspace, parseArgs, validate, variables } from '../new-service.mjs';
import { createSupervisor } from '../supervisor.mjs';

const root = join(__dirname, '..', '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end; rejects with its output when it fails. */
function run(command, args, cwd, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(output) : reject(new Error(`${[command, ...args].join(' ')} in ${cwd} failed (${code ?? signal}):\n${output.slice(-6000)}`)),
    );
  });
}

const temporaries = [];
function temporary(label) {
  const dir = mkdtempSync(join(tmpdir(), `hangviet-${label}-`));
  temporaries.push(dir);
  return dir;
}
afterAll(() => {
  // HANGVIET_KEEP_GENERATED=1 keeps the copy for a look (its path is in the test output).
  if (process.env.HANGVIET_KEEP_GENERATED) return void console.log(`kept: ${temporaries.join(' ')}`);
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

describe('parseArgs', () => {
  it('reads the name, both ports and the defaults derived from the name', () => {
    expect(parseArgs(['trade-fair', '--http', '8083', '--grpc=50053'])).toEqual({
      name: 'trade-fair',
      httpPort: 8083,
      grpcPort: 50053,
      context: 'trade_fair',
      aggregate: 'fair',
      install: true,
    });
    expect(parseArgs(['x-y', '--http', '9100', '--grpc', '9101', '--context', 'fair', '--aggregate', 'booth-application', '--no-install'])).toMatchObject({
      context: 'fair',
      aggregate: 'booth-application',
      install: false,
    });
  });

  it.each([
    [['--http', '8083', '--grpc', '50053'], /^a service name is needed/],
    [['a', 'b', '--http', '8083', '--grpc', '50053'], /^one service name, got a b/],
    [['trade-fair', '--grpc', '50053'], /^--http <port> is needed/],
    [['trade-fair', '--http', '8083'], /^--grpc <port> is needed/],
    [['trade-fair', '--http', 'eighty', '--grpc', '50053'], /^--http: expected a port number, got 'eighty'/],
    [['trade-fair', '--http', '80', '--grpc', '50053'], /^--http: expected a port from 1024 to 65535, got 80/],
    [['trade-fair', '--http', '8083', '--grpc'], /^--grpc needs a value/],
    [['trade-fair', '--http', '8083', '--grpc', '50053', '--force'], /^unknown option --force/],
  ])('%j → one clear line', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('validate', () => {
  let fake;
  beforeAll(() => {
    fake = temporary('fake-repo');
    writeFileSync(join(fake, 'package.json'), JSON.stringify({ workspaces: ['libs/*', 'services/*'] }));
    for (const [dir, pkg] of [
      ['libs/events', { name: '@hangviet/events' }],
      ['services/business-registry', { name: '@hangviet/business-registry', hangviet: { httpPort: 8081, grpcPort: 50051 } }],
    ]) {
      mkdirSync(join(fake, dir), { recursive: true });
      writeFileSync(join(fake, dir, 'package.json'), JSON.stringify(pkg));
    }
    mkdirSync(join(fake, 'proto', 'hangviet', 'registry'), { recursive: true });
  });
  const options = (overrides) => ({ ...parseArgs(['trade-fair', '--http', '8083', '--grpc', '50053']), ...overrides });

  it('accepts a new name on free ports', async () => {
    await expect(validate(fake, options({}), { checkListening: false })).resolves.toBeUndefined();
  });

  it.each([
    [{ name: 'Trade_Fair' }, /^service name 'Trade_Fair': expected lower-case words joined by '-'/],
    [{ name: 'business-registry' }, /^services\/business-registry already exists/],
    [{ name: 'events' }, /^the workspace name @hangviet\/events is taken by libs\/events/],
    [{ context: 'registry' }, /^the context 'registry' already has contracts in proto\/hangviet\/registry: pass --context/],
    [{ context: 'Trade-Fair' }, /^--context 'Trade-Fair': expected lower_snake_case/],
    [{ aggregate: 'Fair' }, /^--aggregate 'Fair': expected lower-case words/],
    [{ httpPort: 8081 }, /^--http 8081 is taken by @hangviet\/business-registry/],
    [{ grpcPort: 50051 }, /^--grpc 50051 is taken by @hangviet\/business-registry/],
    [{ grpcPort: 8083 }, /^--http and --grpc are both 8083/],
    [{ httpPort: 9092 }, /^--http 9092 is the port of Kafka/],
  ])('refuses %j', async (overrides, message) => {
    await expect(validate(fake, options(overrides), { checkListening: false })).rejects.toThrow(message);
  });

  it('writes nothing when it refuses (here: no event catalogue to register the events in)', async () => {
    await expect(generateService(fake, options({}), { checkListening: false })).rejects.toThrow(/^libs\/events\/src\/catalog\/index.ts is missing/);
    expect(existsSync(join(fake, 'services', 'trade-fair'))).toBe(false);
    expect(existsSync(join(fake, 'proto', 'hangviet', 'trade_fair'))).toBe(false);
  });

  it('refuses a port something listens on', async () => {
    const server = createServer();
    await new Promise((resolve) => server.listen(0, resolve));
    try {
      await expect(validate(fake, options({ grpcPort: server.address().port }))).rejects.toThrow(`--grpc ${server.address().port} is in use on this machine`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('variables', () => {
  it('derives every spelling from the name, context and aggregate', () => {
    expect(variables(parseArgs(['product-certification', '--http', '8082', '--grpc', '50052', '--aggregate', 'booth-entry']))).toMatchObject({
      packageName: '@hangviet/product-certification',
      Name: 'ProductCertification',
      nameCamel: 'productCertification',
      database: 'hangviet_product_certification',
      context: 'product_certification',
      Aggregate: 'BoothEntry',
      aggregateCamel: 'boothEntry',
      AGGREGATE: 'BOOTH_ENTRY',
      aggregatePlural: 'booth_entries',
      aggregatesCamel: 'boothEntries',
      aggregatesKebab: 'booth-entries',
      topic: 'hangviet.product_certification.booth_entry',
      eventType: 'hangviet.product_certification.booth_entry.created.v1',
    });
  });
});

/**
 * A copy of the workspace layout: the root files, proto/, every lib (built, with its dist) and every
 * other workspace's package.json; node_modules holds links to this checkout's packages, except @hangviet/*,
 * which link to the copy's own workspaces, as npm install would.
 */
function copyWorkspace() {
  const copy = temporary('workspace');
  for (const file of ['package.json', 'tsconfig.base.json', 'jest.preset.js', 'eslint.config.mjs']) cpSync(join(root, file), join(copy, file));
  cpSync(join(root, 'proto'), join(copy, 'proto'), { recursive: true });
  for (const lib of readdirSync(join(root, 'libs'))) {
    cpSync(join(root, 'libs', lib), join(copy, 'libs', lib), { recursive: true, filter: (src) => !src.includes('/node_modules') });
  }
  // The other workspaces by their package.json alone: their names and ports are what the generator checks.
  const others = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces.flatMap((pattern) =>
    pattern.endsWith('/*') ? readdirSync(join(root, pattern.slice(0, -2))).map((d) => join(pattern.slice(0, -2), d)) : [pattern],
  );
  for (const dir of others.filter((d) => !d.startsWith('libs/') && existsSync(join(root, d, 'package.json')))) {
    mkdirSync(join(copy, dir), { recursive: true });
    cpSync(join(root, dir, 'package.json'), join(copy, dir, 'package.json'));
  }
  mkdirSync(join(copy, 'node_modules', '@hangviet'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '@hangviet') symlinkSync(join(root, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  for (const lib of readdirSync(join(copy, 'libs'))) symlinkSync(join('..', '..', 'libs', lib), join(copy, 'node_modules', '@hangviet', lib));
  return copy;
}

describe('a generated service', () => {
  let copy;
  let generated;
  const name = 'gen-market-stall';

  beforeAll(async () => {
    copy = copyWorkspace();
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    generated = await generateService(copy, parseArgs([name, '--http', String(httpPort), '--grpc', String(grpcPort), '--context', 'gen_market', '--aggregate', 'stall']));
    linkWorkspace(copy, name);
  }, 60_000);

  it('is written from the template with every placeholder filled, refusing to write it twice', async () => {
    expect(generated.written).toEqual(
      expect.arrayContaining([
        `services/${name}/package.json`,
        `services/${name}/src/service.ts`,
        `services/${name}/src/domain/stall.ts`,
        `services/${name}/src/domain/stall.test.ts`,
        `services/${name}/src/consumers/business-status.consumer.ts`,
        `services/${name}/src/jobs/forget-dissolved-businesses.job.ts`,
        `services/${name}/test/stalls.test.ts`,
        'proto/hangviet/gen_market/v1/stall.proto',
        'libs/events/src/catalog/gen_market.ts',
      ]),
    );
    for (const file of generated.written) expect({ file, placeholders: readFileSync(join(copy, file), 'utf8').match(/\{\{|__[A-Za-z]+__/g) }).toEqual({ file, placeholders: null });
    expect(readFileSync(join(copy, 'libs/events/src/catalog/index.ts'), 'utf8')).toMatch(/^export const catalogEvents\b.*, \.\.\.genMarketEvents\];$/m);
    expect(JSON.parse(readFileSync(join(copy, 'services', name, 'package.json'), 'utf8'))).toMatchObject({ name: `@hangviet/${name}`, hangviet: { httpPort: Number(generated.vars.httpPort), grpcPort: Number(generated.vars.grpcPort) } });
    await expect(generateService(copy, parseArgs([name, '--http', '9190', '--grpc', '9191']))).rejects.toThrow(`services/${name} already exists`);
  });

  it('builds, type-checks and lints with the contracts and catalogue it adds', async () => {
    const tsc = bin('typescript', 'bin/tsc');
    await run(process.execPath, ['scripts/generate.mjs'], join(copy, 'libs', 'contracts'));
    await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], join(copy, 'libs', 'contracts'));
    await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], join(copy, 'libs', 'events'));
    const service = join(copy, 'services', name);
    await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], service);
    await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], service);
    await run(process.execPath, [bin('eslint', 'bin/eslint.js'), 'src', 'test'], service);
    await run(process.execPath, [join(root, 'node_modules', '.bin', 'buf'), 'lint'], join(copy, 'proto'));
    // service-kit's check that every workspace declares what it imports, run over the copy (the new service among them).
    await run(process.execPath, [bin('jest', 'bin/jest.js'), '--config', join(copy, 'libs', 'service-kit', 'jest.config.js'), '--ci', 'test/workspace-dependencies'], copy);
    expect(existsSync(join(service, 'dist', 'main.js'))).toBe(true);
  }, 600_000);

  it('passes its own tests: the domain unit test and the integration test against the real Kafka and database', async () => {
    const results = join(copy, 'jest-results.json');
    await run(
      process.execPath,
      [bin('jest', 'bin/jest.js'), '--config', join(copy, 'services', name, 'jest.config.js'), '--ci', '--maxWorkers=1', '--json', `--outputFile=${results}`],
      copy,
    ).catch((err) => {
      throw new Error(`${err.message}\n${existsSync(results) ? readFileSync(results, 'utf8').slice(0, 4000) : ''}`);
    });
    const report = JSON.parse(readFileSync(results, 'utf8'));
    const files = report.testResults.map((r) => ({ file: r.name.slice(join(copy, 'services', name).length + 1), status: r.status }));
    expect(files.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: 'src/domain/stall.test.ts', status: 'passed' },
      { file: 'src/transport/http/openapi.test.ts', status: 'passed' },
      { file: 'test/stalls.test.ts', status: 'passed' },
    ]);
    expect({ failed: report.numFailedTests, pending: report.numPendingTests }).toEqual({ failed: 0, pending: 0 });
    expect(report.numPassedTests).toBeGreaterThanOrEqual(10);
  }, 600_000);

  it('is started by npm start like every service and answers /readyz', async () => {
    const databasePrefix = `t_gen_${Date.now().toString(36)}_`;
    const found = services({ repository: copy, mongoUrl: process.env.MONGO_URL, databasePrefix }).filter((s) => s.name === `@hangviet/${name}`);
    expect(found).toHaveLength(1);
    const lines = [];
    const scope = Date.now().toString(36);
    found[0].env = { ...found[0].env, KAFKA_TOPIC_PREFIX: `t${scope}.`, LOG_LEVEL: 'warn' };
    const supervisor = createSupervisor({ services: found, log: (l) => lines.push(l) });
    try {
      await supervisor.start();
      const response = await fetch(found[0].readyUrl);
      expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
    } finally {
      await supervisor.stop();
      const client = await MongoClient.connect(process.env.MONGO_URL);
      await client.db(`${databasePrefix}${name.replace(/-/g, '_')}`).dropDatabase().finally(() => client.close());
    }
    expect(lines).toEqual([]);
  }, 120_000);
});
