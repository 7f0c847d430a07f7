import { databaseName } from './database';

describe('databaseName', () => {
  it.each([
    ['mongodb://127.0.0.1:27017', 'hangviet_registry'],
    ['mongodb://127.0.0.1:27017/', 'hangviet_registry'],
    ['mongodb://127.0.0.1:27017/t_registry_ab12', 't_registry_ab12'],
    ['mongodb://user:p%40ss@h1:27017,h2:27017/hangviet_x?replicaSet=rs0', 'hangviet_x'],
    ['mongodb://h1:27017,h2:27017/?replicaSet=rs0', 'hangviet_registry'],
    ['mongodb+srv://cluster.example.vn/prod_registry?retryWrites=true', 'prod_registry'],
  ])('%s → %s', (url, name) => {
    expect(databaseName(url, 'hangviet_registry')).toBe(name);
  });

  it('refuses a name MongoDB would refuse, naming it', () => {
    expect(() => databaseName('mongodb://h/has.dot', 'x')).toThrow("database name 'has.dot' must be 1–63 letters, digits, _ or -");
  });
});
