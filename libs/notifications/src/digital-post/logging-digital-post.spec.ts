import { LoggingDigitalPost } from './logging-digital-post';

describe('LoggingDigitalPost', () => {
  it('accepts a letter with a reference derived from its id, sending nothing', async () => {
    const receipt = await new LoggingDigitalPost().send({
      letterId: '3b0f6a4e-1c1d-4c8e-9d3a-2f2f8f0a9b11',
      recipient: { kind: 'cvr', number: '31119103' },
      language: 'da',
      title: 'Tilladelse tilbagekaldt',
      body: 'Adgangen til data er ophørt.',
      caseNumber: 'EK-2026-000001',
    });
    expect(receipt).toEqual({ outcome: 'accepted', reference: 'logged:3b0f6a4e-1c1d-4c8e-9d3a-2f2f8f0a9b11' });
  });
});
