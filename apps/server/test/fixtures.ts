/** A tiny valid blueprint (the integration test deploys the same shape with the local busybox image). */
export const TINY = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: tiny
services:
  web:
    ports:
      - port: 80
    containers:
      web:
        image: blaupause-test/busybox:1
        command: ["httpd", "-f", "-p", "80"]
`;

/** Schema-valid but semantically wrong: a link to a service that does not exist. */
export const DANGLING = TINY.replace('    ports:', '    links:\n      - to: nowhere\n    ports:');
