/** The calendar year in Denmark at an instant (case numbers follow the Danish year). */
export function danishYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(at));
}
