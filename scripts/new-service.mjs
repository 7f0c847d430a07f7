// `npm run new:service -- <name> --http <port> --grpc <port> [--context <c>] [--aggregate <a>] [--no-install]`
// Generates services/<name> from scripts/new-service/template: one aggregate whose event goes through the
// outbox (its protobuf message in proto/, its definition in the event catalogue), one consumer, one
// scheduled job, a domain unit test and an integration test. Then links the workspace (npm install).
// Plain Node with no dependencies, like the rest of scripts/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { portFree } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_DIR = join(here, 'new-service', 'template');

/** Ports of the local infrastructure (deploy/local), whether or not it runs right now. */
const INFRA_PORTS = new Map([
  [9092, 'Kafka'],
  [9093, 'the Kafka controller'],
  [27017, 'the database'],
  [1025, 'the mail sink (SMTP)'],
  [8025, 'the mail sink (HTTP)'],
]);

export class GeneratorError extends Error {}
const fail = (message) => {
  throw new GeneratorError(message);
};

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const USAGE = 'usage: npm run new:service -- <name> --http <port> --grpc <port> [--context <context>] [--aggregate <name>] [--no-install]';

/** Parses the command line; every mistake is one line naming the argument. */
export function parseArgs(argv) {
  const options = { install: true };
  const positional = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const flag = /^--(http|grpc|context|aggregate)(?:=(.*))?$/.exec(arg);
    if (flag) {
      const value = flag[2] ?? argv[++i];
      if (value === undefined || value.startsWith('--')) fail(`--${flag[1]} needs a value\n${USAGE}`);
      options[flag[1]] = value;
    } else if (arg === '--no-install') options.install = false;
    else if (arg.startsWith('-')) fail(`unknown option ${arg}\n${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) fail(`${positional.length === 0 ? 'a service name is needed' : `one service name, got ${positional.join(' ')}`}\n${USAGE}`);
  if (options.http === undefined) fail(`--http <port> is needed\n${USAGE}`);
  if (options.grpc === undefined) fail(`--grpc <port> is needed\n${USAGE}`);
  const [name] = positional;
  const lastWord = name.split('-').pop();
  return {
    name,
    httpPort: parsePort('--http', options.http),
    grpcPort: parsePort('--grpc', options.grpc),
    context: options.context ?? name.replace(/-/g, '_'),
    aggregate: options.aggregate ?? lastWord,
    install: options.install,
  };
}

function parsePort(flag, text) {
  if (!/^\d+$/.test(text)) fail(`${flag}: expected a port number, got '${text}'`);
  const port = Number(text);
  if (port < 1024 || port > 65535) fail(`${flag}: expected a port from 1024 to 65535, got ${port}`);
  return port;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every workspace folder of the repository (the root package.json's "workspaces" globs). */
function workspaces(root) {
  const patterns = readJson(join(root, 'package.json')).workspaces ?? [];
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return existsSync(join(root, pattern, 'package.json')) ? [join(root, pattern)] : [];
    const dir = join(root, pattern.slice(0, -2));
    return existsSync(dir)
      ? readdirSync(dir)
          .map((folder) => join(dir, folder))
          .filter((d) => existsSync(join(d, 'package.json')))
      : [];
  });
}

/** Checks the name, context, aggregate and ports against the repository and this machine. */
export async function validate(root, options, { checkListening = true } = {}) {
  const { name, httpPort, grpcPort, context, aggregate } = options;
  if (!KEBAB.test(name) || name.length > 40) {
    fail(`service name '${name}': expected lower-case words joined by '-', at most 40 characters (e.g. trade-fair)`);
  }
  if (!/^[a-z][a-z0-9_]*$/.test(context) || context.length > 30) {
    fail(`--context '${context}': expected lower_snake_case, at most 30 characters (the proto package hangviet.<context>.v1)`);
  }
  if (!KEBAB.test(aggregate) || aggregate.length > 30) {
    fail(`--aggregate '${aggregate}': expected lower-case words joined by '-', at most 30 characters (e.g. fair)`);
  }
  const dir = join(root, 'services', name);
  if (existsSync(dir)) fail(`services/${name} already exists: choose another name or remove it`);
  const packages = workspaces(root).map((d) => ({ dir: d, pkg: readJson(join(d, 'package.json')) }));
  const clash = packages.find(({ pkg }) => pkg.name === `@hangviet/${name}`);
  if (clash) fail(`the workspace name @hangviet/${name} is taken by ${relative(root, clash.dir)}`);
  if (existsSync(join(root, 'proto', 'hangviet', context))) {
    fail(`the context '${context}' already has contracts in proto/hangviet/${context}: pass --context <another>`);
  }
  if (httpPort === grpcPort) fail(`--http and --grpc are both ${httpPort}: a service needs two ports`);
  for (const [flag, port] of [['--http', httpPort], ['--grpc', grpcPort]]) {
    if (INFRA_PORTS.has(port)) fail(`${flag} ${port} is the port of ${INFRA_PORTS.get(port)} (deploy/local)`);
    const owner = packages.find(({ pkg }) => pkg.hangviet?.httpPort === port || pkg.hangviet?.grpcPort === port);
    if (owner) fail(`${flag} ${port} is taken by ${owner.pkg.name} (its package.json "hangviet" field)`);
    if (checkListening && !(await portFree(port))) fail(`${flag} ${port} is in use on this machine: choose another port`);
  }
}

const pascal = (kebab) => kebab.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
function plural(word) {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The placeholders of the template: `{{key}}` in contents, `__key__` in file and folder names. */
export function variables({ name, httpPort, grpcPort, context, aggregate }) {
  const aggregateSnake = aggregate.replace(/-/g, '_');
  return {
    name,
    packageName: `@hangviet/${name}`,
    title: name.replace(/-/g, ' '),
    Name: pascal(name),
    nameCamel: camel(name),
    nameSnake: name.replace(/-/g, '_'),
    httpPort: String(httpPort),
    grpcPort: String(grpcPort),
    database: `hangviet_${name.replace(/-/g, '_')}`,
    context,
    Context: pascal(context.replace(/_/g, '-')),
    contextCamel: camel(context.replace(/_/g, '-')),
    aggregate,
    Aggregate: pascal(aggregate),
    aggregateCamel: camel(aggregate),
    aggregateSnake,
    AGGREGATE: aggregateSnake.toUpperCase(),
    aggregatePlural: plural(aggregateSnake),
    aggregatesCamel: camel(plural(aggregate)),
    aggregatesKebab: plural(aggregate),
    AggregatePlural: pascal(plural(aggregate)),
    topic: `hangviet.${context}.${aggregateSnake}`,
    eventType: `hangviet.${context}.${aggregateSnake}.created.v1`,
  };
}

const PLACEHOLDER = /\{\{([A-Za-z]+)\}\}/g;

function fill(text, vars, where) {
  return text.replace(PLACEHOLDER, (_, key) => {
    if (!(key in vars)) fail(`template ${where}: unknown placeholder {{${key}}}`);
    return vars[key];
  });
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir, prefix = '') {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, join(prefix, entry)) : [join(prefix, entry)];
  });
}

/**
 * What rendering the template into `root` writes: template/<x> becomes <root>/<x> with placeholders
 * filled in paths and contents. Refuses to overwrite any file. Writes nothing itself.
 */
export function planRender(root, vars, templateDir = TEMPLATE_DIR) {
  const planned = filesUnder(templateDir).map((file) => ({
    from: join(templateDir, file),
    // `x.tmpl` is written as `x`: for files no tool may read as they are in the template (package.json).
    to: file.replace(/__([A-Za-z]+)__/g, (_, key) => vars[key] ?? fail(`template path ${file}: unknown placeholder __${key}__`)).replace(/\.tmpl$/, ''),
  }));
  const existing = planned.find(({ to }) => existsSync(join(root, to)));
  if (existing) fail(`${existing.to} already exists: the generator never overwrites a file`);
  return planned.map(({ from, to }) => ({ path: to, text: fill(readFileSync(from, 'utf8'), vars, relative(templateDir, from)) }));
}

/** The catalogue index with the context's events registered, so every service knows them. */
export function catalogEdit(root, vars) {
  const path = join('libs', 'events', 'src', 'catalog', 'index.ts');
  if (!existsSync(join(root, path))) fail(`${path} is missing: the event catalogue is where the service's event is defined`);
  const text = readFileSync(join(root, path), 'utf8');
  const file = `./${vars.context}`;
  if (text.includes(`'${file}'`)) fail(`${path} already names ${file}`);
  const lines = text.split('\n');
  const lastIndexOf = (predicate) => lines.reduce((found, line, i) => (predicate(line) ? i : found), -1);
  const lastImport = lastIndexOf((l) => /^import .* from '\.\//.test(l));
  const lastExport = lastIndexOf((l) => /^export \* from '\.\//.test(l));
  const list = lastIndexOf((l) => /^export const catalogEvents\b.*= \[.*\];$/.test(l));
  if (lastImport === -1 || lastExport === -1 || list === -1) {
    fail(`${path} is not shaped as expected (imports, \`export * from\`, export const catalogEvents = [...]): add the context by hand`);
  }
  // The catalogue re-exports every context's events by name: a second `FairCreated` would be ambiguous.
  const eventName = `${vars.Aggregate}Created`;
  const catalogDir = join(root, 'libs', 'events', 'src', 'catalog');
  const taken = readdirSync(catalogDir).find((f) => f.endsWith('.ts') && readFileSync(join(catalogDir, f), 'utf8').includes(`export const ${eventName} `));
  if (taken) fail(`the event catalogue already has ${eventName} (libs/events/src/catalog/${taken}): pass another --aggregate`);
  lines[list] = lines[list].replace(/\];$/, `, ...${vars.contextCamel}Events];`);
  lines.splice(lastExport + 1, 0, `export * from '${file}';`);
  lines.splice(lastImport + 1, 0, `import { ${vars.contextCamel}Events } from '${file}';`);
  return { path, text: lines.join('\n') };
}

/** Validates, then writes the rendered template and the catalogue entry: all of it or, on a refusal, nothing. */
export async function generateService(root, options, { checkListening = true, templateDir = TEMPLATE_DIR } = {}) {
  await validate(root, options, { checkListening });
  const vars = variables(options);
  const files = planRender(root, vars, templateDir);
  const catalog = catalogEdit(root, vars);
  for (const { path, text } of [...files, catalog]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const deployment = await syncDeployment(root);
  return { dir: join(root, 'services', options.name), written: files.map((f) => f.path), changed: [catalog.path, ...deployment], vars };
}

/**
 * The service's image, compose entry, Kubernetes directory, Kafka topics and database user, derived by
 * deploy/sync.mjs (`npm run deploy:sync`) from the same definition as every other service's. Nothing when the
 * repository has no deploy/sync.mjs (the generator's own test renders into a partial copy).
 */
async function syncDeployment(root) {
  const script = join(root, 'deploy', 'sync.mjs');
  if (!existsSync(script)) return [];
  const { sync } = await import(pathToFileURL(script).href);
  return sync(root);
}

/** What `npm install` does for a new workspace, without the network: node_modules/@hangviet/<name>. */
export function linkWorkspace(root, name) {
  const link = join(root, 'node_modules', '@hangviet', name);
  mkdirSync(dirname(link), { recursive: true });
  if (!existsSync(link)) symlinkSync(join('..', '..', 'services', name), link);
}

async function main(argv) {
  const root = join(here, '..');
  const options = parseArgs(argv);
  const { written, changed, vars } = await generateService(root, options);
  console.log(`[new:service] wrote ${written.length} files (services/${options.name}/…, ${written.filter((f) => !f.startsWith('services/')).join(', ')})`);
  console.log(`[new:service] registered the ${vars.context} events in ${changed[0]}`);
  if (changed.length > 1) console.log(`[new:service] deployment (npm run deploy:sync): ${changed.slice(1).join(', ')}`);
  if (options.install) {
    console.log('[new:service] linking the workspace (npm install)…');
    const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) fail('npm install failed: run it again once the cause above is fixed');
  } else {
    linkWorkspace(root, options.name);
    console.log('[new:service] linked node_modules/@hangviet/' + options.name + ' (run npm install to record it in package-lock.json)');
  }
  console.log(`
Next:
  npx turbo run build --filter=${vars.packageName}...
  KAFKA_BROKERS=127.0.0.1:9092 MONGO_URL=mongodb://127.0.0.1:27017 npx jest services/${options.name}
  npm start          # starts it with every other service: REST ${options.httpPort}, gRPC ${options.grpcPort}
Then read services/${options.name}/README.md: what to rename, and where each part goes.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`[new:service] ${err instanceof GeneratorError ? err.message : err.stack}`);
    process.exit(err instanceof GeneratorError ? 2 : 1);
  });
}
