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
module.exports = { projects, testTimeout: 60_000 };
