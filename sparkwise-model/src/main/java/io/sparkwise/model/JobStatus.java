package io.sparkwise.model;

/** As the History Server's JobExecutionStatus. */
public enum JobStatus { RUNNING, SUCCEEDED, FAILED, UNKNOWN }
