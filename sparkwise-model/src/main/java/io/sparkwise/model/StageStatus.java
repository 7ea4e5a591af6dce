package io.sparkwise.model;

/** As the History Server's StageStatus. */
public enum StageStatus { ACTIVE, COMPLETE, FAILED, PENDING, SKIPPED }
