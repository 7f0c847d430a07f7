// `npm test` runs every workspace's tests in one jest run (one worker pool, one set of figures).
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['libs', 'services'].flatMap((group) =>
  existsSync(join(__dirname, group))
    ? readdirSync(join(__dirname, group))
        .map((name) => join(__dirname, group, name, 'jest.config.js'))
        .filter((config) => existsSync(config))
    : [],
);
// npm start's supervisor and the service generator are tested too.
projects.push(join(__dirname, 'scripts', 'jest.config.js'));
// The deployment: derived files, Dockerfiles, compose, Kubernetes overlays, two instances of every service.
projects.push(join(__dirname, 'deploy', 'jest.config.js'));

// testTimeout is a global option: in a project's config it is ignored when jest runs them together.
// Three workers on two cores: the suites mostly wait on Kafka, the database, browsers and child processes, not
// the CPU. One worker (jest's default here: cores - 1) ran them one after another: 126 suites summing 1,538 s
// of their own time took 515 s of wall time with three (2026-12-07, load 12-20).
module.exports = { projects, testTimeout: 60_000, maxWorkers: 3 };
