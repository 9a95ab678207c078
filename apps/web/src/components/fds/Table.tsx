import { ReactNode } from 'react';

/** FDS "Tabel" (zebra): a caption says what the rows are; header cells carry scope. */
export function Table({ caption, head, children }: { caption: string; head: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--zebra">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((cell, index) => (
              <th scope="col" key={index}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
