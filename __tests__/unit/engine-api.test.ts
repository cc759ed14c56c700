import { homedir } from 'node:os';
import { join } from 'node:path';
import { cliPluginDirs, engineSocket } from '../../src/engine-api.js';

/** A config reader over fixed files: a missing one throws ENOENT, as readFileSync does. */
function configs(files: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
}

const HOME_CONFIG = '/cfg/config.json';

describe('engineSocket: the socket the docker CLI would use, only for a plain unix socket of the default context', () => {
  test.each<[string, NodeJS.ProcessEnv, Record<string, string>, string | undefined]>([
    ['no config, no variables: the default socket', {}, {}, '/var/run/docker.sock'],
    ['a config without currentContext', {}, { [HOME_CONFIG]: '{"auths":{}}' }, '/var/run/docker.sock'],
    ['currentContext default', {}, { [HOME_CONFIG]: '{"currentContext":"default"}' }, '/var/run/docker.sock'],
    [
      'currentContext of another context: the CLI resolves it',
      {},
      { [HOME_CONFIG]: '{"currentContext":"remote"}' },
      undefined,
    ],
    ['DOCKER_CONTEXT of another context', { DOCKER_CONTEXT: 'desktop-linux' }, {}, undefined],
    [
      'DOCKER_CONTEXT default wins over the config',
      { DOCKER_CONTEXT: 'default' },
      { [HOME_CONFIG]: '{"currentContext":"remote"}' },
      '/var/run/docker.sock',
    ],
    [
      'an empty DOCKER_CONTEXT counts as unset',
      { DOCKER_CONTEXT: '' },
      { [HOME_CONFIG]: '{"currentContext":"remote"}' },
      undefined,
    ],
    [
      'DOCKER_HOST on a unix socket (rootless) wins over any context',
      { DOCKER_HOST: 'unix:///run/user/1000/docker.sock', DOCKER_CONTEXT: 'remote' },
      {},
      '/run/user/1000/docker.sock',
    ],
    ['DOCKER_HOST over TCP: the CLI', { DOCKER_HOST: 'tcp://10.0.0.2:2376' }, {}, undefined],
    ['DOCKER_HOST over SSH: the CLI', { DOCKER_HOST: 'ssh://builder@host' }, {}, undefined],
    ['TLS asked for: the CLI', { DOCKER_TLS_VERIFY: '1' }, {}, undefined],
    [
      'a config with a null currentContext: Go reads it as unset',
      {},
      { [HOME_CONFIG]: '{"currentContext":null}' },
      '/var/run/docker.sock',
    ],
    ['an unreadable config: the CLI says why', {}, { [HOME_CONFIG]: '{not json' }, undefined],
    [
      'DOCKER_CONFIG names where the config is',
      { DOCKER_CONFIG: '/other' },
      { [HOME_CONFIG]: '{"currentContext":"remote"}', '/other/config.json': '{}' },
      '/var/run/docker.sock',
    ],
  ])('%s', (_, env, files, expected) => {
    expect(engineSocket({ DOCKER_CONFIG: '/cfg', ...env }, configs(files))).toBe(expected);
  });
});

const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

describe('cliPluginDirs: where the docker CLI looks for plugins, in its order (docker/cli getPluginDirs)', () => {
  test.each<[string, NodeJS.ProcessEnv, Record<string, string>, string[] | undefined]>([
    ['no config: the config directory, then the system', {}, {}, ['/cfg/cli-plugins', ...SYSTEM_PLUGIN_DIRS]],
    [
      "the config's extra directories come first, in their order",
      {},
      { [HOME_CONFIG]: '{"cliPluginsExtraDirs":["/opt/b","/opt/a"],"currentContext":"default"}' },
      ['/opt/b', '/opt/a', '/cfg/cli-plugins', ...SYSTEM_PLUGIN_DIRS],
    ],
    [
      'DOCKER_CONFIG names the config and its cli-plugins',
      { DOCKER_CONFIG: '/other' },
      {
        [HOME_CONFIG]: '{"cliPluginsExtraDirs":["/opt/a"]}',
        '/other/config.json': '{"cliPluginsExtraDirs":["/opt/o"]}',
      },
      ['/opt/o', '/other/cli-plugins', ...SYSTEM_PLUGIN_DIRS],
    ],
    [
      'an empty DOCKER_CONFIG counts as unset: ~/.docker',
      { DOCKER_CONFIG: '' },
      { [join(homedir(), '.docker', 'config.json')]: '{"cliPluginsExtraDirs":["/opt/h"]}' },
      ['/opt/h', join(homedir(), '.docker', 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS],
    ],
    [
      'null extra directories read as none, as in Go',
      {},
      { [HOME_CONFIG]: '{"cliPluginsExtraDirs":null}' },
      ['/cfg/cli-plugins', ...SYSTEM_PLUGIN_DIRS],
    ],
    [
      'extra directories that are no list of strings: the CLI',
      {},
      { [HOME_CONFIG]: '{"cliPluginsExtraDirs":"/opt/a"}' },
      undefined,
    ],
    [
      'an extra directory that is no string: the CLI',
      {},
      { [HOME_CONFIG]: '{"cliPluginsExtraDirs":["/opt/a",1]}' },
      undefined,
    ],
    ['an unreadable config: the CLI', {}, { [HOME_CONFIG]: '{not json' }, undefined],
    ['a config that is no JSON object: the CLI', {}, { [HOME_CONFIG]: '["/opt/a"]' }, undefined],
  ])('%s', (_, env, files, expected) => {
    expect(cliPluginDirs({ DOCKER_CONFIG: '/cfg', ...env }, configs(files))).toEqual(expected);
  });
});
