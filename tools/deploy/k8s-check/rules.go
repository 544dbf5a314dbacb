package main

// The chart's own rules, beyond what the types enforce: every Deployment is probed, bounded and
// locked down; every Deployment has a PodDisruptionBudget; KEDA owns the replica count of the
// Deployments it scales; the Kafka scaler and the Strimzi resources use known values.

import (
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/labels"
)

func checkRules(objects []any) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	deployments := map[string]*appsv1.Deployment{}
	var pdbs []*policyv1.PodDisruptionBudget
	var services []*corev1.Service
	var scaled []*ScaledObject
	for _, obj := range objects {
		switch o := obj.(type) {
		case *appsv1.Deployment:
			deployments[o.Name] = o
		case *policyv1.PodDisruptionBudget:
			pdbs = append(pdbs, o)
		case *corev1.Service:
			services = append(services, o)
		case *ScaledObject:
			scaled = append(scaled, o)
		}
	}

	for name, d := range deployments {
		checkDeployment(name, d, add)
		podLabels := labels.Set(d.Spec.Template.Labels)
		covered := false
		for _, pdb := range pdbs {
			if pdb.Spec.Selector != nil && labels.SelectorFromSet(pdb.Spec.Selector.MatchLabels).Matches(podLabels) {
				covered = true
			}
		}
		if !covered {
			add("Deployment/%s: no PodDisruptionBudget selects its pods", name)
		}
	}
	for _, svc := range services {
		matched := false
		for _, d := range deployments {
			if labels.SelectorFromSet(svc.Spec.Selector).Matches(labels.Set(d.Spec.Template.Labels)) {
				matched = true
			}
		}
		if !matched {
			add("Service/%s: selects no Deployment's pods", svc.Name)
		}
	}
	for _, so := range scaled {
		checkScaledObject(so, deployments, add)
	}
	for _, obj := range objects {
		switch o := obj.(type) {
		case *Kafka:
			checkKafka(o, add)
		case *KafkaNodePool:
			for _, role := range o.Spec.Roles {
				if !strimziNodeRoles[role] {
					add("KafkaNodePool/%s: unknown role %q", o.Name, role)
				}
			}
			checkStorage("KafkaNodePool/"+o.Name, &o.Spec.Storage, add)
		case *KafkaTopic:
			if o.Spec.Partitions < 1 || o.Spec.Replicas < 1 {
				add("KafkaTopic/%s: partitions and replicas must be at least 1", o.Name)
			}
			if o.Labels["strimzi.io/cluster"] == "" {
				add("KafkaTopic/%s: the strimzi.io/cluster label names the cluster its operator watches", o.Name)
			}
		case *KafkaUser:
			checkKafkaUser(o, add)
		}
	}
	return problems
}

func checkDeployment(name string, d *appsv1.Deployment, add func(string, ...any)) {
	pod := d.Spec.Template.Spec
	if d.Spec.Selector == nil || !labels.SelectorFromSet(d.Spec.Selector.MatchLabels).Matches(labels.Set(d.Spec.Template.Labels)) {
		add("Deployment/%s: selector does not match the pod template's labels", name)
	}
	if pod.SecurityContext == nil || pod.SecurityContext.RunAsNonRoot == nil || !*pod.SecurityContext.RunAsNonRoot {
		add("Deployment/%s: pod securityContext.runAsNonRoot must be true", name)
	}
	for _, c := range pod.Containers {
		where := fmt.Sprintf("Deployment/%s container %s", name, c.Name)
		if c.Image == "" {
			add("%s: no image", where)
		}
		if c.LivenessProbe == nil || c.LivenessProbe.HTTPGet == nil || c.LivenessProbe.HTTPGet.Path != "/health/live" {
			add("%s: livenessProbe must GET /health/live", where)
		}
		if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet == nil || c.ReadinessProbe.HTTPGet.Path != "/health/ready" {
			add("%s: readinessProbe must GET /health/ready", where)
		}
		if c.Resources.Requests.Cpu().IsZero() || c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() {
			add("%s: resources need cpu and memory requests and a memory limit", where)
		}
		sc := c.SecurityContext
		if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			add("%s: securityContext.readOnlyRootFilesystem must be true", where)
		}
		if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			add("%s: securityContext.allowPrivilegeEscalation must be false", where)
		}
		for _, p := range []*corev1.Probe{c.LivenessProbe, c.ReadinessProbe} {
			if p != nil && p.HTTPGet != nil && p.HTTPGet.Port.StrVal != "" && !hasPort(c, p.HTTPGet.Port.StrVal) {
				add("%s: a probe names port %q, which the container does not declare", where, p.HTTPGet.Port.StrVal)
			}
		}
	}
}

func hasPort(c corev1.Container, name string) bool {
	for _, p := range c.Ports {
		if p.Name == name {
			return true
		}
	}
	return false
}

func checkScaledObject(so *ScaledObject, deployments map[string]*appsv1.Deployment, add func(string, ...any)) {
	where := "ScaledObject/" + so.Name
	if so.Spec.ScaleTargetRef == nil {
		add("%s: scaleTargetRef is required", where)
		return
	}
	target, ok := deployments[so.Spec.ScaleTargetRef.Name]
	if !ok {
		add("%s: scaleTargetRef names no rendered Deployment (%s)", where, so.Spec.ScaleTargetRef.Name)
	} else if target.Spec.Replicas != nil {
		add("%s: Deployment/%s sets replicas, which would fight the autoscaler", where, target.Name)
	}
	if so.Spec.MinReplicaCount != nil && so.Spec.MaxReplicaCount != nil && *so.Spec.MinReplicaCount > *so.Spec.MaxReplicaCount {
		add("%s: minReplicaCount is above maxReplicaCount", where)
	}
	if len(so.Spec.Triggers) == 0 {
		add("%s: no trigger", where)
	}
	for _, t := range so.Spec.Triggers {
		if t.Type != "kafka" {
			continue
		}
		for key := range t.Metadata {
			if !kafkaScalerMetadata[key] {
				add("%s: the Kafka scaler has no metadata key %q", where, key)
			}
		}
		for _, key := range []string{"bootstrapServers", "consumerGroup", "topic", "lagThreshold"} {
			if t.Metadata[key] == "" {
				add("%s: Kafka trigger needs %s", where, key)
			}
		}
		if sasl := t.Metadata["sasl"]; sasl != "" && !set("none", "plaintext", "scram_sha256", "scram_sha512", "oauthbearer", "gssapi")[sasl] {
			add("%s: sasl %q is not a KEDA Kafka mode", where, sasl)
		}
		if tls := t.Metadata["tls"]; tls != "" && tls != "enable" && tls != "disable" {
			add("%s: tls must be enable or disable", where)
		}
	}
}

func checkKafka(k *Kafka, add func(string, ...any)) {
	where := "Kafka/" + k.Name
	if len(k.Spec.Kafka.Listeners) == 0 {
		add("%s: no listener", where)
	}
	for _, l := range k.Spec.Kafka.Listeners {
		if !strimziListenerTypes[l.Type] {
			add("%s: listener %s has unknown type %q", where, l.Name, l.Type)
		}
		if l.Authentication != nil && !strimziAuthTypes[l.Authentication.Type] {
			add("%s: listener %s has unknown authentication %q", where, l.Name, l.Authentication.Type)
		}
	}
	if a := k.Spec.Kafka.Authorization; a != nil && !set("simple", "opa", "keycloak", "custom")[a.Type] {
		add("%s: unknown authorization type %q", where, a.Type)
	}
	if k.Annotations["strimzi.io/node-pools"] != "enabled" && k.Spec.Kafka.Replicas == nil {
		add("%s: without node pools spec.kafka.replicas is required", where)
	}
}

func checkStorage(where string, s *KafkaStorage, add func(string, ...any)) {
	if !strimziStorageTypes[s.Type] {
		add("%s: unknown storage type %q", where, s.Type)
	}
	for _, v := range s.Volumes {
		if v.Type != "persistent-claim" && v.Type != "ephemeral" {
			add("%s: unknown volume type %q", where, v.Type)
		}
		if v.KraftMetadata != "" && v.KraftMetadata != "shared" {
			add("%s: kraftMetadata must be shared", where)
		}
	}
}

func checkKafkaUser(u *KafkaUser, add func(string, ...any)) {
	where := "KafkaUser/" + u.Name
	if u.Spec.Authentication != nil && !set("tls", "tls-external", "scram-sha-512")[u.Spec.Authentication.Type] {
		add("%s: unknown authentication %q", where, u.Spec.Authentication.Type)
	}
	if u.Spec.Authorization == nil {
		return
	}
	for i, acl := range u.Spec.Authorization.ACLs {
		if !strimziACLResources[acl.Resource.Type] {
			add("%s: acl %d: unknown resource type %q", where, i, acl.Resource.Type)
		}
		if acl.Resource.PatternType != "" && acl.Resource.PatternType != "literal" && acl.Resource.PatternType != "prefix" {
			add("%s: acl %d: patternType must be literal or prefix", where, i)
		}
		for _, op := range acl.Operations {
			if !strimziACLOps[op] {
				add("%s: acl %d: unknown operation %q", where, i, op)
			}
		}
	}
}
