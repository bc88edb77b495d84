package cn.etax.identity.grant.application;

/** RULE-MASK: what of a staff member (or applicant) the enterprise's managers may see in clear with the eye. */
public enum StaffField {
    NAME,
    ID_NUMBER
}
