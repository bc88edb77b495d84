package cn.etax.identity.simulation.rest;

import cn.etax.identity.authentication.application.PasswordHasher;
import cn.etax.identity.authentication.application.QrCheckService;
import cn.etax.identity.authentication.application.QrLoginService;
import cn.etax.identity.authentication.domain.QrLogin;
import cn.etax.identity.authentication.domain.QrScanner;
import cn.etax.identity.grant.domain.IdentityType;
import cn.etax.identity.web.rest.Clients;
import cn.etax.identity.shared.IdType;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.simulation.application.PersonFixtures;
import cn.etax.identity.simulation.application.SqlStatementCounter;
import cn.etax.identity.simulation.application.SimulatorService;
import cn.etax.identity.shared.IdDocument;
import com.sun.management.OperatingSystemMXBean;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulators' API for testers and automated tests (§11). Every call answers 404 unless
 * {@code identity.simulators.enabled=true}: in production the simulators are not there.
 */
@ApplicationScoped
@Path("sim")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "simulators", description = "Only with identity.simulators.enabled=true")
public class SimulatorResource {

    @EJB
    SimulatorService simulators;

    @EJB
    PersonFixtures fixtures;

    @EJB
    SqlStatementCounter sqlStatements;

    @Inject
    PasswordHasher passwords;

    @Resource
    ManagedThreadFactory threads;

    @Context
    HttpServletRequest request;

    public record Sms(long id, String phone, String text, String sentAt) {
    }

    public record Code(String phone, String code) {
    }

    public record Citizen(String name, IdType idType, String idNumber, String nationality) {
    }

    /** {@code overseas}: registered as an overseas natural person (境外自然人, REG-1). */
    public record NewPerson(String name, IdType idType, String idNumber, String phone, String password,
                            boolean migrated, boolean overseas) {
    }

    @Schema(name = "SimulatorCreated")
    public record Created(long personId) {
    }

    @Schema(name = "SimulatorScan")
    public record Scan(String app, String purpose, String person, String origin, String expiresAt) {
    }

    public record Decision(boolean faceMatches, IdType appUserIdType, String appUserIdNumber, String appUserPassword) {
    }

    public record State(String state) {
    }

    public record Switches(Boolean smsGatewayDown, Boolean identityRegistryDown, Boolean faceServiceDown,
                           Boolean coreTaxSystemDown) {
    }

    public record CorePush(long grantId, String creditCode, String holder, String idType, String idNumber,
                           String identityType, String state, List<String> permissions, String validUntil,
                           String pushedAt) {
    }

    public record ClockShift(long seconds) {
    }

    public record Shifted(long shiftedSeconds) {
    }

    @GET
    @Path("sms")
    @Operation(summary = "SMS outbox, newest first; ?phone= filters")
    public List<Sms> outbox(@QueryParam("phone") String phone, @QueryParam("max") Integer max) {
        return simulators.outbox(phone, max == null ? 50 : Math.min(max, 500)).stream()
                .map(s -> new Sms(s.id(), s.phone(), s.text(), s.sentAt().toString())).toList();
    }

    @GET
    @Path("sms/latest-code")
    @Operation(summary = "The code in the newest SMS to a phone")
    public Code latestCode(@QueryParam("phone") String phone) {
        return new Code(phone, simulators.latestCode(phone).orElseThrow(() -> new NotFoundException("NOT_FOUND")));
    }

    @POST
    @Path("citizens")
    @Operation(summary = "Add a person to the simulated public-security registry")
    public void addCitizen(Citizen citizen) {
        if (citizen == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        simulators.addCitizen(citizen.name(), citizen.idType(), citizen.idNumber(), citizen.nationality());
    }

    @POST
    @Path("persons")
    @Operation(summary = "Test fixture: a registered person (level 4) or a migrated one, without the registration steps")
    public Created createPerson(NewPerson person) {
        if (person == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return new Created(fixtures.create(person.name(), IdDocument.of(person.idType(), person.idNumber()),
                person.phone(), person.password(), person.migrated(), person.overseas()));
    }

    @POST
    @Path("app/qr/{token}/scan")
    @Operation(summary = "The mobile app scans a QR code: what the phone shows before the face check")
    public Scan scan(@PathParam("token") String token) {
        QrCheckService.Scan scan = simulators.scan(token);
        return new Scan(scan.app().name(), scan.purpose().name(), scan.subjectMasked(), scan.origin(),
                scan.expiresAt().toString());
    }

    @POST
    @Path("app/qr/{token}/decide")
    @Operation(summary = "The app's face result; the IIT app needs its logged-in user (document + password)")
    public State decide(@PathParam("token") String token, Decision decision) {
        if (decision == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return new State(simulators.decide(token, decision.faceMatches(), decision.appUserIdType(),
                decision.appUserIdNumber(), decision.appUserPassword()).name());
    }

    /**
     * LOGIN-7: the app's own login, sent with every step (the app backend would vouch for its session): the scanner
     * (TAX_APP, IIT_APP, LICENCE_APP), the user's document and password, the enterprise's credit code for the tax
     * app's enterprise business and the licence app, and in the tax app the identity type when he holds several.
     */
    public record AppLogin(QrScanner scanner, IdType idType, String idNumber, String password, String creditCode,
                           IdentityType identityType) {
    }

    /** What the phone shows after scanning a login code, before its user confirms. */
    public record LoginScan(String origin, String scanner, String person, String creditCode, String taxpayer,
                            String identityType, String expiresAt) {
    }

    @POST
    @Path("app/qr-login/{token}/scan")
    @Operation(summary = "LOGIN-7: the logged-in app scans the login page's code; shows where the page is and what "
            + "it will log in")
    public LoginScan scanLogin(@PathParam("token") String token, AppLogin app) {
        QrLoginService.Scan scan = simulators.scanLogin(token, session(app));
        return new LoginScan(scan.origin(), scan.scanner().name(), scan.personMasked(),
                scan.identity() == null ? null : scan.identity().creditCode(),
                scan.identity() == null ? null : scan.identity().taxpayerName(),
                scan.identity() == null ? null : scan.identity().identityType().name(), scan.expiresAt().toString());
    }

    @POST
    @Path("app/qr-login/{token}/confirm")
    @Operation(summary = "LOGIN-7: 确认登录 in the app that scanned; the page logs in with its next poll")
    public void confirmLogin(@PathParam("token") String token, AppLogin app) {
        simulators.confirmLogin(token, session(app), Clients.of(request));
    }

    @POST
    @Path("app/qr-login/{token}/cancel")
    @Operation(summary = "LOGIN-7: 取消登录 in the app that scanned")
    public void cancelLogin(@PathParam("token") String token, AppLogin app) {
        simulators.cancelLogin(token, session(app));
    }

    private QrLogin.AppSession session(AppLogin app) {
        if (app == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return simulators.appLogin(app.scanner(), app.idType(), app.idNumber(), app.password(), app.creditCode(),
                app.identityType());
    }

    @GET
    @Path("core-tax/pushes")
    @Operation(summary = "Relationships the core tax system simulator received (PER-4 同步数据) for ?creditCode=, "
            + "newest first; personal data masked")
    public List<CorePush> corePushes(@QueryParam("creditCode") String creditCode) {
        return simulators.corePushes(creditCode).stream().map(p -> new CorePush(p.grantId(), p.creditCode(),
                p.holderMasked(), p.idType(), p.idMasked(), p.identityType(), p.grantState(),
                p.permissions().isEmpty() ? List.of() : List.of(p.permissions().split(",")),
                p.validUntil() == null ? null : p.validUntil().toString(), p.pushedAt().toString())).toList();
    }

    @POST
    @Path("switches")
    @Operation(summary = "Take the SMS gateway, the identity registry, the face service or the core tax system down "
            + "(or up again)")
    public void switches(Switches switches) {
        if (switches == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        if (switches.smsGatewayDown() != null) {
            simulators.setSmsGatewayDown(switches.smsGatewayDown());
        }
        if (switches.identityRegistryDown() != null) {
            simulators.setRegistryDown(switches.identityRegistryDown());
        }
        if (switches.faceServiceDown() != null) {
            simulators.setFaceServiceDown(switches.faceServiceDown());
        }
        if (switches.coreTaxSystemDown() != null) {
            simulators.setCoreTaxSystemDown(switches.coreTaxSystemDown());
        }
    }

    @POST
    @Path("clock")
    @Operation(summary = "Move the business clock forward by seconds (a negative value resets it)")
    public Shifted clock(ClockShift shift) {
        if (shift == null) {
            throw new InvalidInputException("REQUEST_BODY_REQUIRED");
        }
        return new Shifted(simulators.shiftClock(Duration.ofSeconds(shift.seconds())).toSeconds());
    }

    public record Statements(long count) {
    }

    @GET
    @Path("sql-statements")
    @Operation(summary = "SQL statements executed since the first call of this (benchmarks: statements per operation)")
    public Statements sqlStatements() {
        return new Statements(sqlStatements.count());
    }

    /** The server's CPU time since start and the part of it spent computing Argon2id hashes (-1: not measurable). */
    public record Cpu(long processCpuNanos, long hashes, long hashCpuNanos) {
    }

    @GET
    @Path("cpu")
    @Operation(summary = "The server process's CPU time and the Argon2id hashes' share of it (benchmarks: CPU per "
            + "login outside the hash)")
    public Cpu cpu() {
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        PasswordHasher.Statistics hashing = passwords.statistics();
        return new Cpu(process, hashing.hashes(), hashing.cpuNanos());
    }

    /** Bare Argon2id hashes computed by the server on all its hashing slots at once. */
    public record HashRate(int slots, long hashes, double seconds, double hashesPerSecond) {
    }

    @POST
    @Path("hash-rate")
    @Operation(summary = "Bare Argon2id hashes at the configured parameters on all of the server's hashing slots for "
            + "1 to 10 seconds (benchmarks: the hash-bound rate of this server's own compiled hash)")
    public HashRate hashRate(@QueryParam("seconds") @DefaultValue("5") int seconds) throws InterruptedException {
        long nanos = TimeUnit.SECONDS.toNanos(Math.max(1, Math.min(10, seconds)));
        String password = "Bare@2026hash";
        String stored = passwords.hash(password);
        AtomicLong hashes = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + nanos;
        for (int i = 0; i < passwords.slots(); i++) {
            workers.add(threads.newThread(() -> {
                while (System.nanoTime() < end) {
                    passwords.verify(password, stored);
                    hashes.incrementAndGet();
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new HashRate(workers.size(), hashes.get(), elapsed, hashes.get() / elapsed);
    }
}
