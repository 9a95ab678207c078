import { Logger } from '@nestjs/common';
import { Logger as TypeOrmLoggerPort } from 'typeorm';

/**
 * TypeORM's own logger writes coloured text with console.log; this one hands its lines to Nest's
 * Logger, which the apps point at the JSON logger, so a failed query is one JSON line like the rest.
 * Only errors and migration notes are logged (query texts may carry personal data in parameters).
 */
export class TypeOrmNestLogger implements TypeOrmLoggerPort {
  private readonly logger = new Logger('TypeORM');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: typeof error === 'string' ? { message: error } : { message: error.message, code: (error as { code?: string }).code }, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
