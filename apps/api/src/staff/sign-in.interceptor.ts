import { RequestWithActor } from '@kp/auth';
import { RecordSignIn } from '@kp/cases';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, Observable, switchMap } from 'rxjs';

/**
 * Every verified token is a sign-in for the staff directory (libs/cases RecordSignIn): the person's
 * e-mail, region and language are current before the request's command notifies anyone.
 */
@Injectable()
export class SignInInterceptor implements NestInterceptor {
  constructor(private readonly signIn: RecordSignIn) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const { actor } = context.switchToHttp().getRequest<RequestWithActor>();
    if (!actor) return next.handle();
    return from(this.signIn.record(actor)).pipe(switchMap(() => next.handle()));
  }
}
