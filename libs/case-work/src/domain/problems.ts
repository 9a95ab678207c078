import { DomainProblem } from '@kp/http';

/** 404 also when the object exists but is not this actor's: the existence of health data is not disclosed. */
export const notFound = (what: string, id: string) => new DomainProblem(404, 'not-found', `There is no ${what} ${id} that you can see.`);

