package cn.etax.identity.remote;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A person with an active grant in a taxpayer. {@code personId} is {@code null} while the holder has not registered
 * (key personnel bound by the tax registration); name and ID number are masked. {@code validUntil} {@code null}: long
 * term.
 */
public final class StaffMember implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long grantId;
    private final Long personId;
    private final String name;
    private final String idNumber;
    private final String identityType;
    private final ArrayList<String> permissions;
    /** ISO date or null: java.time types do not cross the GlassFish ORB on Java 17 (see package-info). */
    private final String validUntil;

    public StaffMember(long grantId, Long personId, String name, String idNumber, String identityType,
                       List<String> permissions, LocalDate validUntil) {
        this.grantId = grantId;
        this.personId = personId;
        this.name = name;
        this.idNumber = idNumber;
        this.identityType = identityType;
        this.permissions = new ArrayList<>(permissions);
        this.validUntil = validUntil == null ? null : validUntil.toString();
    }

    public long grantId() {
        return grantId;
    }

    public Long personId() {
        return personId;
    }

    public String name() {
        return name;
    }

    public String idNumber() {
        return idNumber;
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
        return "StaffMember[grantId=" + grantId + ", personId=" + personId + ", name=" + name + ", idNumber="
                + idNumber + ", identityType=" + identityType + ", permissions=" + permissions + ", validUntil="
                + validUntil + "]";
    }
}
