import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from './actor';
import { PUBLIC_KEY, RequestWithActor, ROLES_KEY } from './decorators';
import { TokenVerifier } from './verify/token-verifier';

export const TOKEN_REJECTED = 'The bearer token was rejected. Sign in again for a new one.';

/** Global guard: every route needs a valid bearer token unless marked @Public(), then @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithActor & { headers: Record<string, string | undefined> }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      this.logger.log({ reason: header ? 'the Authorization header is not "Bearer <token>"' : 'no Authorization header', sub: null }, 'request without a bearer token refused');
      throw new UnauthorizedException('Send a bearer token in the Authorization header (npm run token prints one in development).');
    }
    try {
      request.actor = await this.verifier.verify(match[1]);
    } catch {
      // One answer whichever check failed, so probing tokens teaches nothing; the verifier logs the reason.
      throw new UnauthorizedException(TOKEN_REJECTED);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw new ForbiddenException(`This action needs one of the roles ${roles.join(', ')}; your token has ${request.actor.role}.`);
    }
    return true;
  }
}
