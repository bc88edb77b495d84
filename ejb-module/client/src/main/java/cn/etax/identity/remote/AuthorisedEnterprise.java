package cn.etax.identity.remote;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A taxpayer a person may act for today, in which identity, with which permissions; its name masked. */
public final class AuthorisedEnterprise implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long grantId;
    private final String creditCode;
    private final String taxpayerName;
    private final String provinceCode;
    private final String identityType;
    private final ArrayList<String> permissions;
    /** ISO date or null: java.time types do not cross the GlassFish ORB on Java 17 (see package-info). */
    private final String validUntil;

    public AuthorisedEnterprise(long grantId, String creditCode, String taxpayerName, String provinceCode,
                                String identityType, List<String> permissions, LocalDate validUntil) {
        this.grantId = grantId;
        this.creditCode = creditCode;
        this.taxpayerName = taxpayerName;
        this.provinceCode = provinceCode;
        this.identityType = identityType;
        this.permissions = new ArrayList<>(permissions);
        this.validUntil = validUntil == null ? null : validUntil.toString();
    }

    public long grantId() {
        return grantId;
    }

    public String creditCode() {
        return creditCode;
    }

    public String taxpayerName() {
        return taxpayerName;
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String identityType() {
        return identityType;
    }

    public List<String> permissions() {
        return Collections.unmodifiableList(permissions);
    }

    public LocalDate validUntil() {
        return validUntil == null ? null : LocalDate.parse(validUntil);
    }

    @Override
    public String toString() {
        return "AuthorisedEnterprise[grantId=" + grantId + ", creditCode=" + creditCode + ", taxpayerName="
                + taxpayerName + ", provinceCode=" + provinceCode + ", identityType=" + identityType
                + ", permissions=" + permissions + ", validUntil=" + validUntil + "]";
    }
}
