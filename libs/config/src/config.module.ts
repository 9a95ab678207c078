import { BusinessClock, SettableClock, SystemClock } from '@kp/clock';
import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';

/** Injection token for the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The validated configuration and the business clock it chooses, for every module of the process. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() },
    {
      provide: BusinessClock,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): BusinessClock => (config.businessClock === 'settable' ? new SettableClock() : new SystemClock()),
    },
  ],
  exports: [APP_CONFIG, BusinessClock],
})
export class ConfigModule {}
