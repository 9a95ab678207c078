/** The part of dkfds's script the console uses (the package ships no types). */
declare module 'dkfds' {
  export class ErrorSummary {
    constructor(element: HTMLElement);
    init(): void;
  }
}
