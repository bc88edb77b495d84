/**
 * What integrators may ask the identity platform over remote EJB (API-1, API-2): the published contract.
 *
 * <p>Only interfaces, serializable result records and one checked exception live here, with no dependency beyond the
 * JDK, so that an integrator's application compiles against this jar alone. The beans behind the interfaces exist
 * only in the EAR for full servers (module {@code ejb-remote}); Payara Micro has no ORB. Every call needs a caller in
 * the role {@value cn.etax.identity.remote.Integrators#ROLE}; an anonymous call is refused by the container.
 *
 * <p>Identity types ({@code LEGAL_REPRESENTATIVE}, {@code FINANCE_OFFICER}, {@code TAX_OFFICER}, {@code INVOICER})
 * and permissions ({@code TAX_FILING_AND_PAYMENT}, {@code INVOICE_ISSUE}, ...) travel as their stable names, the same
 * as in the REST API, so that a catalogue growing on the server never breaks an older client. Names are masked as the
 * pages show them (RULE-MASK); no full ID number ever leaves the platform.
 *
 * <p>The results are plain final classes, not records: the GlassFish ORB that carries them over IIOP cannot
 * deserialize a record ("can't get field offset on a record class", Payara Server 6.2025.9 on Java 17), and a
 * {@code java.time} value inside a result broke the reply stream ("CORBA MARSHAL … Underflow in
 * BufferManagerReadStream"), so dates and instants travel as ISO text and epoch milliseconds behind accessors that
 * answer {@code LocalDate} and {@code Instant}.
 *
 * <p>Glossary: 人企关联 / 授权 → grant; 办税人员 → staff; 当前身份 → current identity; 集成方 → integrator.
 */
package cn.etax.identity.remote;
