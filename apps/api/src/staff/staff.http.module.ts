import { CasesModule } from '@kp/cases';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { SignInInterceptor } from './sign-in.interceptor';
import { StaffController } from './staff.controller';
import { AbsenceController } from './absence.controller';

/** HTTP wiring for the staff directory: the admin routes, and recording each sign-in from the verified token. */
@Module({
  imports: [CasesModule],
  controllers: [StaffController, AbsenceController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: SignInInterceptor }],
})
export class StaffHttpModule {}
