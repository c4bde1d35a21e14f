import { describe, expect, it } from 'vitest';
import { openFolderFiles } from './open-folder';

const compose = `services:
  web:
    image: nginx:\${NGINX_TAG}
    env_file: [conf/app.env]
    environment: { MODE: prod }
`;

describe('openFolderFiles', () => {
  it("imports the folder's Compose file with .env values and env_files (environment wins)", () => {
    const opened = openFolderFiles(
      [
        { path: 'docker-compose.yml', text: 'services: { other: { image: x } }\n' },
        { path: 'compose.yaml', text: compose },
        { path: '.env', text: 'NGINX_TAG=1.27\n' },
        { path: 'conf/app.env', text: 'GREETING=hi\nMODE=dev\n' },
      ],
      'My Shop',
    );
    expect(opened.file).toBe('compose.yaml');
    expect(opened.blueprint?.metadata.name).toBe('my-shop'); // the folder's name, as Compose names the project
    const web = opened.blueprint?.services.web?.containers.web;
    expect(web?.image).toBe('nginx:1.27');
    expect(web?.env).toEqual({ GREETING: 'hi', MODE: 'prod' });
    expect(opened.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('without .env the variable stays a parameter; a missing env_file is an error', () => {
    const opened = openFolderFiles([
      { path: 'compose.yaml', text: compose },
      { path: 'conf/app.env', text: 'GREETING=hi\n' },
    ]);
    expect(opened.blueprint?.parameters).toHaveProperty('NGINX_TAG');
    const missing = openFolderFiles([{ path: 'compose.yaml', text: compose }]);
    expect(missing.blueprint).toBeUndefined();
    expect(missing.diagnostics.find((d) => d.code === 'FILE_UNREADABLE')?.message).toBe(
      'env_file "conf/app.env" cannot be read in the project folder.',
    );
  });

  it('an env_file outside the folder is never looked up; a folder without a Compose file says so', () => {
    const outside = openFolderFiles([
      { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx\n    env_file: ../secret.env\n' },
      { path: 'secret.env', text: 'LEAK=1\n' },
    ]);
    expect(outside.blueprint?.services.web?.containers.web?.env).toBeUndefined();
    expect(outside.diagnostics.map((d) => d.code)).toContain('PATH_OUTSIDE_PROJECT');
    expect(openFolderFiles([{ path: 'README.md', text: '' }]).diagnostics[0]?.message).toMatch(/holds no Compose file/);
  });

  it('a malformed .env is reported at its line', () => {
    const opened = openFolderFiles([
      { path: 'compose.yaml', text: compose },
      { path: '.env', text: 'OK=1\nBARE\n' },
    ]);
    expect(opened.blueprint).toBeUndefined();
    expect(opened.diagnostics[0]).toMatchObject({ code: 'ENV_FILE_SYNTAX', source: { file: '.env', line: 2, col: 1 } });
  });
});
