package cn.etax.identity.simulation.domain;

import cn.etax.identity.shared.IdType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A record of the simulated public-security identity registry (公安身份核验): who exists, under which document.
 * Demo persons are seeded; testers add more through the simulator API.
 */
@Entity
@Table(name = "sim_citizen")
@NamedQuery(name = SimulatedCitizen.BY_DOCUMENT, query = "select c from SimulatedCitizen c "
        + "where c.idType = :type and c.idNumber = :number")
public class SimulatedCitizen {

    public static final String BY_DOCUMENT = "SimulatedCitizen.byDocument";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sim_citizen_seq")
    @SequenceGenerator(name = "sim_citizen_seq", sequenceName = "sim_citizen_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type", length = 40, nullable = false)
    private IdType idType;

    @Column(name = "id_number", length = 40, nullable = false)
    private String idNumber;

    @Column(name = "nationality", length = 3)
    private String nationality;

    protected SimulatedCitizen() {
    }

    public SimulatedCitizen(String name, IdType idType, String idNumber, String nationality) {
        this.name = name;
        this.idType = idType;
        this.idNumber = idNumber;
        this.nationality = nationality;
    }

    public String name() { return name; }
    public IdType idType() { return idType; }
    public String idNumber() { return idNumber; }
    public String nationality() { return nationality; }
}
