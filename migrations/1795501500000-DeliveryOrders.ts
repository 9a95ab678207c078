import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, after the decision: the hub'n'spoke delivery. A permit sends one delivery order to each
 * data holder, addressed to the analysis environment the application named; revocation or expiry
 * sends stop orders. Each order's status is reported back by the holder and the environment, and
 * every report is kept (who, when, the opt-out checks confirmed, the reason for a refusal).
 */
export class DeliveryOrders1795501500000 implements MigrationInterface {
  name = 'DeliveryOrders1795501500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delivery_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('delivery', 'stop')),
        case_id uuid NOT NULL REFERENCES case_file (id),
        case_number text NOT NULL,
        permit_id uuid NOT NULL REFERENCES permit (id),
        permit_number text NOT NULL,
        holder_org text NOT NULL,
        holder_name text NOT NULL,
        environment text NOT NULL,
        instructions jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('ordered', 'accepted', 'extracted', 'delivered', 'rejected', 'cancelled', 'access_ended', 'deleted')),
        status_reason text,
        ordered_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        overdue_noticed_at timestamptz,
        dispatched_at timestamptz,
        stops_order_id uuid REFERENCES delivery_order (id),
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX delivery_order_case ON delivery_order (case_id, ordered_at, id)`);
    await q.query(`CREATE INDEX delivery_order_holder ON delivery_order (holder_org, ordered_at, id)`);
    await q.query(`CREATE INDEX delivery_order_environment ON delivery_order (environment, ordered_at, id)`);
    await q.query(`CREATE INDEX delivery_order_open_due ON delivery_order (due_at) WHERE overdue_noticed_at IS NULL AND status IN ('ordered', 'accepted', 'extracted', 'access_ended')`);
    await q.query(`
      CREATE TABLE delivery_status_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES delivery_order (id),
        from_status text NOT NULL,
        to_status text NOT NULL,
        reason text,
        opt_out_checks jsonb NOT NULL DEFAULT '[]',
        reported_by_sub text NOT NULL,
        reported_by_role text NOT NULL,
        reported_by_org text,
        reported_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX delivery_status_report_order ON delivery_status_report (order_id, reported_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery_status_report`);
    await q.query(`DROP TABLE delivery_order`);
  }
}
