/**
 * Klagevejledning (forvaltningsloven § 25): every written decision that can be appealed says where
 * and how. Which body hears appeals of contact-point and controller decisions is not settled in
 * LEGAL.md [check], so the text names the deciding authority as the place to lodge the complaint,
 * which forwards it — never a hard-coded authority name (LEGAL.md: names of authorities are data).
 */
export function appealGuidance(decidingAuthority: string): { da: string; en: string } {
  return {
    da:
      `Klagevejledning: Du kan klage over afgørelsen. Klagen sendes skriftligt til ${decidingAuthority}, ` +
      'som genovervejer sagen og videresender klagen til klageinstansen med sagens akter. ' +
      'Oplys sagsnummeret, og begrund gerne klagen. Du kan få aktindsigt i sagen.',
    en:
      `Appeal guidance: You may appeal this decision. Send the appeal in writing to ${decidingAuthority}, ` +
      'which reconsiders the case and forwards the appeal with the case file to the appeal body. ' +
      'Quote the case number and, if you can, give your reasons. You may request access to the case file.',
  };
}
