import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDeliveryOrdersDocument } from './delivery-orders-document';
import { optOutChecksFor } from './opt-out-checks';
import { allowedReports } from './status-transitions';

describe('delivery order status table', () => {
  it('lets the holder accept, extract or refuse a delivery, and the environment confirm receipt', () => {
    expect(allowedReports('delivery', 'ordered', 'data_holder', true)).toEqual(['accepted', 'rejected']);
    expect(allowedReports('delivery', 'accepted', 'data_holder', true)).toEqual(['extracted', 'rejected']);
    expect(allowedReports('delivery', 'extracted', 'data_holder', true)).toEqual([]);
    expect(allowedReports('delivery', 'extracted', 'environment_operator', true)).toEqual(['delivered']);
    expect(allowedReports('delivery', 'delivered', 'environment_operator', true)).toEqual([]);
  });

  it('lets the holder report for an environment without an operator', () => {
    expect(allowedReports('delivery', 'extracted', 'data_holder', false)).toEqual(['delivered']);
    expect(allowedReports('stop', 'ordered', 'data_holder', false)).toEqual(['access_ended']);
  });

  it('ends access before the holder confirms deletion on a stop order', () => {
    expect(allowedReports('stop', 'ordered', 'data_holder', true)).toEqual([]);
    expect(allowedReports('stop', 'ordered', 'environment_operator', true)).toEqual(['access_ended']);
    expect(allowedReports('stop', 'access_ended', 'data_holder', true)).toEqual(['deleted']);
  });

  it('asks for the tissue-use register for biological material, and the EHDS art. 71 opt-out from 26 March 2029', () => {
    const register = { biologicalMaterial: false, dataSourceKind: 'national_register' };
    const biobank = { biologicalMaterial: false, dataSourceKind: 'biobank' };
    expect(optOutChecksFor([register], '2029-03-25')).toEqual([]);
    expect(optOutChecksFor([register], '2029-03-26').map((c) => c.code)).toEqual(['ehds_art71_opt_out']);
    expect(optOutChecksFor([biobank], '2027-01-01').map((c) => c.code)).toEqual(['tissue_use_register']);
    expect(optOutChecksFor([{ ...register, biologicalMaterial: true }], '2030-01-01').map((c) => c.code)).toEqual(['tissue_use_register', 'ehds_art71_opt_out']);
  });

  it('keeps docs/delivery-orders.md in step with the table (permissions)', () => {
    const file = join(__dirname, '../../../../docs/delivery-orders.md');
    const rendered = renderDeliveryOrdersDocument();
    if (process.env.UPDATE_PERMISSIONS_DOC === '1') writeFileSync(file, rendered);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(rendered);
  });
});
