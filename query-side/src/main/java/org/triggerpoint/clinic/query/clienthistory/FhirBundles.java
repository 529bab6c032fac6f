package org.triggerpoint.clinic.query.clienthistory;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A client's record as a FHIR R4 collection Bundle: the Patient, an Encounter per session, an Observation per NPRS
 * score (before and after treatment, LOINC 72514-3) and a Procedure per trigger point release. Erased personal data
 * stays out: an erased Patient has no name, birth date or contact.
 */
@Component
class FhirBundles {

    static final String MEDIA_TYPE = "application/fhir+json";
    private static final String LOINC = "http://loinc.org";
    private static final String NPRS = "72514-3";

    // Building a FHIR context takes a moment and memory: only when the first export asks for one.
    private final Supplier<FhirContext> fhir = new Supplier<>() {
        private volatile FhirContext context;

        @Override
        public FhirContext get() {
            if (context == null) {
                synchronized (this) {
                    if (context == null) {
                        context = FhirContext.forR4();
                    }
                }
            }
            return context;
        }
    };

    String asJson(ClientHistory history, Instant exportedAt) {
        return fhir.get().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle(history, exportedAt));
    }

    Bundle bundle(ClientHistory history, Instant exportedAt) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(Date.from(exportedAt));
        Patient patient = patient(history);
        add(bundle, patient);
        for (SessionDocument document : history.sessions()) {
            SessionRecord session = document.record();
            Encounter encounter = encounter(session, patient);
            add(bundle, encounter);
            if (session.assessment() != null) {
                add(bundle, painScore(session.assessment().painScore(), "before treatment",
                        session.assessment().recordedAt(), patient, encounter));
            }
            if (session.completion() != null) {
                add(bundle, painScore(session.completion().postSessionPainScore(), "after treatment",
                        session.completion().signedAt(), patient, encounter));
            }
            for (TriggerPoint triggerPoint : session.triggerPoints()) {
                if (triggerPoint.release() != null) {
                    add(bundle, release(triggerPoint, patient, encounter));
                }
            }
        }
        return bundle;
    }

    private static Patient patient(ClientHistory history) {
        Patient patient = new Patient();
        patient.setId(history.clientId().toString());
        if (history.details() != null) {
            patient.addName(new HumanName().setFamily(history.details().familyName())
                    .addGiven(history.details().givenName()));
            patient.setBirthDate(java.sql.Date.valueOf(history.details().dateOfBirth()));
            if (history.details().email() != null) {
                patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL)
                        .setValue(history.details().email()));
            }
            if (history.details().phone() != null) {
                patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue(history.details().phone()));
            }
        }
        return patient;
    }

    private static Encounter encounter(SessionRecord session, Patient patient) {
        Encounter encounter = new Encounter();
        encounter.setId(session.sessionId().toString());
        encounter.setStatus(session.completion() != null ? Encounter.EncounterStatus.FINISHED
                : Encounter.EncounterStatus.INPROGRESS);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        encounter.addType(new CodeableConcept().setText("Trigger point therapy session"));
        encounter.setSubject(reference(patient));
        Period period = new Period().setStart(Date.from(session.startedAt()));
        if (session.completion() != null) {
            period.setEnd(Date.from(session.completion().signedAt()));
        }
        encounter.setPeriod(period);
        return encounter;
    }

    private static Observation painScore(int points, String when, Instant at, Patient patient, Encounter encounter) {
        Observation observation = new Observation();
        observation.setId(UUID.nameUUIDFromBytes((encounter.getIdElement().getIdPart() + when).getBytes()).toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding(LOINC, NPRS,
                "Pain severity - 0-10 verbal numeric rating [Score] - Reported")).setText("NPRS " + when));
        observation.setSubject(reference(patient));
        observation.setEncounter(reference(encounter));
        observation.setEffective(new DateTimeType(Date.from(at)));
        observation.setValue(new IntegerType(points));
        return observation;
    }

    private static Procedure release(TriggerPoint triggerPoint, Patient patient, Encounter encounter) {
        TriggerPoint.Release release = triggerPoint.release();
        Procedure procedure = new Procedure();
        procedure.setId(triggerPoint.triggerPointId().toString());
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setCode(new CodeableConcept().setText("Trigger point release, " + release.pressure().name()
                .toLowerCase() + " pressure held " + release.holdSeconds() + " s"));
        procedure.addBodySite(new CodeableConcept().setText(triggerPoint.muscle().name() + " ("
                + triggerPoint.side().name() + ")"));
        procedure.setOutcome(new CodeableConcept().setText(release.tissueResponse().name()));
        procedure.setSubject(reference(patient));
        procedure.setEncounter(reference(encounter));
        procedure.setPerformed(new DateTimeType(Date.from(release.releasedAt())));
        return procedure;
    }

    private static Reference reference(Resource resource) {
        return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }

    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
    }
}
