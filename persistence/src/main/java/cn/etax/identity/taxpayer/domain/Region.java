package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The province a taxpayer is registered in: the 本省/全国 filters (PER-3, PER-4) compare it with the deployment's
 * province. Code = the first two digits of the GB/T 2260 division code (e.g. 36 江西省), name = that province's
 * official name ({@link Provinces}): a code that is no province is {@code PROVINCE_UNKNOWN}, a name that is not the
 * code's {@code PROVINCE_NAME_MISMATCH} (naming the code's province), so that no taxpayer is filed under 本省 with
 * another province's name, or the reverse.
 */
@Embeddable
public class Region {

    @Column(name = "province_code", length = 2, nullable = false)
    private String provinceCode;

    @Column(name = "province_name", length = 20, nullable = false)
    private String provinceName;

    protected Region() {
    }

    public Region(String provinceCode, String provinceName) {
        String code = provinceCode == null ? "" : provinceCode.strip();
        String name = provinceName == null ? "" : provinceName.strip();
        if (!code.matches("[1-9]\\d") || name.isEmpty() || name.length() > 20) {
            throw new InvalidInputException("REGION_INVALID");
        }
        String official = Provinces.name(code).orElseThrow(() -> new InvalidInputException("PROVINCE_UNKNOWN", code));
        if (!official.equals(name)) {
            throw new InvalidInputException("PROVINCE_NAME_MISMATCH", code, official);
        }
        this.provinceCode = code;
        this.provinceName = name;
    }

    public String provinceCode() { return provinceCode; }
    public String provinceName() { return provinceName; }
}
