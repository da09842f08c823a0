import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startupWarnings } from './deployment.ts';
import { DataDirLockedError } from './store/dataDirLock.ts';
import { BoardFileError } from './store/boardFile.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Iedereen cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  for (const warning of startupWarnings(config)) console.warn(`Iedereen: ${warning}`);
  let app;
  try {
    app = await buildApp(config);
  } catch (error) {
    // Another server on the same data folder, or a folder that cannot be read: say which, plainly.
    if (error instanceof DataDirLockedError || error instanceof BoardFileError) {
      console.error(`Iedereen cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: writing open boards, then stopping`);
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      // Never exit 0 as if everything was written: name what was not (see UnstoredBoardsError).
      const message = error instanceof Error ? error.message : String(error);
      app.log.error(error, 'shutdown failed');
      console.error(`Iedereen stopped without storing everything: ${message}`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${config.port} is already in use (set PORT)` : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' ? `cannot listen on HOST=${config.host}` : String(error);
    console.error(`Iedereen cannot start: ${reason}`);
    process.exit(1);
  }
}

void main();
