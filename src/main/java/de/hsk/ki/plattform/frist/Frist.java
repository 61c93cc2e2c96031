package de.hsk.ki.plattform.frist;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * A deadline setting: an ISO-8601 period or duration as due dates and timers take it ("P14D",
 * "P6M", "PT12H"). On a {@code @Validated} settings class the application does not start with
 * anything else, and the start-up message names the setting.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Frist.Pruefung.class)
public @interface Frist {

  String message() default "ist keine Frist im ISO-8601-Format (z. B. P14D für 14 Tage, P6M für sechs Monate, PT12H für zwölf Stunden)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Only days, weeks, months, years ("P1D"): for settings the code adds to a calendar day. */
  boolean nurKalender() default false;

  class Pruefung implements ConstraintValidator<Frist, String> {
    private boolean nurKalender;

    @Override
    public void initialize(Frist frist) {
      nurKalender = frist.nurKalender();
    }

    @Override
    public boolean isValid(String wert, ConstraintValidatorContext kontext) {
      return gueltig(wert, nurKalender);
    }

    static boolean gueltig(String wert, boolean nurKalender) {
      if (wert == null || wert.isBlank()) {
        return false;
      }
      try {
        Period p = Period.parse(wert);
        return !p.isNegative() && !p.isZero();
      } catch (DateTimeParseException e) {
        if (nurKalender) {
          return false;
        }
        try {
          Duration d = Duration.parse(wert);
          return !d.isNegative() && !d.isZero();
        } catch (DateTimeParseException e2) {
          return false;
        }
      }
    }
  }
}
