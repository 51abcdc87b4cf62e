/**
 * The test process's environment for a child server started as in production: the test clock's variables
 * are dropped, since production refuses them (server/config.server.ts) and a real deployment never has them.
 */
export function productionEnv(): NodeJS.ProcessEnv {
  const { SAME_PAGE_NOW: _now, SAME_PAGE_TEST_CLOCK: _testClock, ...rest } = process.env
  return { ...rest, NODE_ENV: 'production' }
}
