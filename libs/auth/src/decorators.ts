import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, Role } from './actor';

export const PUBLIC_KEY = 'kp:public';
export const ROLES_KEY = 'kp:roles';

/** The route needs no token (health, transparency register, data-source catalogue). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the route. Object-level access is still checked in the use case. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface RequestWithActor {
  actor?: Actor;
}

/** The verified actor of the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
